package dev.penguinmails.contacts.imports;

/**
 * An error of the whole file (not CSV, no header, no email column, an unknown sheet, too large): the import fails
 * with {@code problem} and a {@code reason} a person can act on. Rows checkpointed before it stay imported.
 */
public class FileProblem extends RuntimeException {
    private final String problem;

    public FileProblem(String problem, String reason) {
        super(reason);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }

    public String reason() {
        return getMessage();
    }
}
