package dev.penguinmails.sending.templates;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a template uses without a fallback. Outputs ({@code {{ x }}}) and conditions ({@code if},
 * {@code unless}, {@code elsif}, {@code case}) are read; an output whose filters include {@code default} has a
 * fallback. Names a {@code for} or {@code assign} introduces are the template's own.
 */
public final class Variables {
    private static final Pattern OUTPUT = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(\\w+)\\s*(.*?)\\s*-?%}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("(?<![\\w.\"'])([A-Za-z_][\\w-]*(?:\\.[A-Za-z_][\\w-]*)*)");
    private static final Set<String> WORDS = Set.of("and", "or", "contains", "true", "false", "nil", "null", "empty",
            "blank", "in", "with", "limit", "offset", "reversed");

    private Variables() { }

    /** Each variable used without a {@code default}, as written (e.g. {@code first_name}, {@code custom.plan}). */
    public static Set<String> withoutFallback(String source) {
        Set<String> own = new LinkedHashSet<>();
        Matcher tags = TAG.matcher(source);
        while (tags.find()) {
            String[] words = tags.group(2).split("\\s+");
            if (("for".equals(tags.group(1)) || "assign".equals(tags.group(1)) || "capture".equals(tags.group(1)))
                    && words.length > 0) {
                own.add(words[0]);
            }
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher outputs = OUTPUT.matcher(source);
        while (outputs.find()) {
            String[] pipes = outputs.group(1).split("\\|");
            boolean fallback = false;
            for (int i = 1; i < pipes.length; i++) {
                fallback |= pipes[i].trim().startsWith("default");
            }
            if (!fallback) {
                names(pipes[0], used);
            }
        }
        tags.reset();
        while (tags.find()) {
            if (Set.of("if", "unless", "elsif", "case", "when").contains(tags.group(1))) {
                names(tags.group(2), used);
            } else if ("for".equals(tags.group(1))) {
                // for x in collection: the collection is read.
                String[] parts = tags.group(2).split("\\s+in\\s+", 2);
                if (parts.length == 2) {
                    names(parts[1], used);
                }
            }
        }
        used.removeIf(name -> own.contains(name.split("\\.")[0]) || "forloop".equals(name.split("\\.")[0]));
        return used;
    }

    private static void names(String expression, Set<String> into) {
        // Drop string literals first: their words are not variables.
        Matcher m = NAME.matcher(expression.replaceAll("\"[^\"]*\"|'[^']*'", "\"\""));
        while (m.find()) {
            if (!WORDS.contains(m.group(1))) {
                into.add(m.group(1));
            }
        }
    }
}
