package dev.penguinmails.sending.templates;

/** Something wrong with a template, and where: line and column count from 1. */
public record TemplateProblem(String message, int line, int column) {

    /** The message with its position, as the API shows it. */
    public String describe() {
        return message + " (line " + line + ", column " + column + ")";
    }

    /** The 1-based line and column of {@code offset} in {@code text}. */
    static TemplateProblem at(String message, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new TemplateProblem(message, line, column);
    }
}
