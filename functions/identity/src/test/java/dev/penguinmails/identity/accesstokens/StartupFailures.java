package dev.penguinmails.identity.accesstokens;

import java.util.ArrayList;
import java.util.List;

/** Reads a failed context start: the messages of an exception and all its causes, joined. */
final class StartupFailures {
    private StartupFailures() { }

    static String messages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return String.join(" | ", messages);
    }
}
