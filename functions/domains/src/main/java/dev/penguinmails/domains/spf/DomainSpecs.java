package dev.penguinmails.domains.spf;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks the {@code domain-spec} and macro-string grammar of RFC 7208 §7.1 and §12. */
final class DomainSpecs {
    private static final String MACRO_LETTERS = "slodiphcrtvSLODIPHCRTV";
    private static final String DELIMITERS = ".-+,/_=";
    private static final Pattern TOPLABEL =
            Pattern.compile("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]");

    private DomainSpecs() {
    }

    /** Why {@code spec} is not a valid domain-spec, or empty when it is. */
    static Optional<String> problem(String spec) {
        if (spec.isEmpty()) {
            return Optional.of("empty domain");
        }
        Optional<String> macroProblem = macroStringProblem(spec);
        if (macroProblem.isPresent()) {
            return macroProblem;
        }
        if (spec.endsWith("}")) {
            return Optional.empty();
        }
        String literal = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
        int lastDot = literal.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.of("a domain needs at least two labels");
        }
        if (!TOPLABEL.matcher(literal.substring(lastDot + 1)).matches()) {
            return Optional.of("invalid top label");
        }
        if (spec.contains("%")) {
            return Optional.empty();
        }
        for (String label : literal.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return Optional.of("empty label or label over 63 characters");
            }
        }
        return literal.length() > 253 ? Optional.of("domain over 253 characters") : Optional.empty();
    }

    /** Why {@code text} is not a valid macro-string, or empty when it is. */
    static Optional<String> macroStringProblem(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return Optional.of("character not allowed: " + (int) c);
            }
            if (c != '%') {
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                return Optional.of("'%' at the end");
            }
            char next = text.charAt(i + 1);
            if (next == '%' || next == '_' || next == '-') {
                i += 2;
                continue;
            }
            if (next != '{') {
                return Optional.of("'%" + next + "' is not a macro");
            }
            int close = text.indexOf('}', i);
            if (close < 0 || !validMacroBody(text.substring(i + 2, close))) {
                return Optional.of("invalid macro at position " + i);
            }
            i = close + 1;
        }
        return Optional.empty();
    }

    private static boolean validMacroBody(String body) {
        if (body.isEmpty() || MACRO_LETTERS.indexOf(body.charAt(0)) < 0) {
            return false;
        }
        int i = 1;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            i++;
        }
        if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
            i++;
        }
        for (; i < body.length(); i++) {
            if (DELIMITERS.indexOf(body.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
