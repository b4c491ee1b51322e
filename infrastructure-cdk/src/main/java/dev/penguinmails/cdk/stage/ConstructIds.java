package dev.penguinmails.cdk.stage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns the topology's logical names ({@code identity-emails}) into construct ids ({@code IdentityEmails}). */
public final class ConstructIds {
    private ConstructIds() { }

    /** The PascalCase construct id for a lower-case, dash-separated logical name. */
    public static String of(String... logicalNames) {
        return Arrays.stream(logicalNames)
                .flatMap(n -> Arrays.stream(n.split("[^A-Za-z0-9]+")))
                .filter(part -> !part.isEmpty())
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining());
    }
}
