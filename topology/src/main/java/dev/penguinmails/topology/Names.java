package dev.penguinmails.topology;

import java.util.regex.Pattern;

/** Naming rules shared by every resource of the model. */
final class Names {
    private static final Pattern LOGICAL = Pattern.compile("[a-z][a-z0-9-]{1,38}[a-z0-9]");

    private Names() { }

    static String requireLogicalName(String name) {
        if (name == null || !LOGICAL.matcher(name).matches()) {
            throw new IllegalArgumentException("names are lower-case words joined by '-', 3 to 40 characters: " + name);
        }
        return name;
    }
}
