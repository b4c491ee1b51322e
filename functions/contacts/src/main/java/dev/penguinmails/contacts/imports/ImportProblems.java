package dev.penguinmails.contacts.imports;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** Problems of starting and reading imports. */
final class ImportProblems {
    static final ProblemType FILE_TOO_LARGE = ProblemType.of("file-too-large", "The file is larger than an import takes", 400);
    static final ProblemType NO_ERROR_REPORT = ProblemType.of("no-error-report", "The import has no error report", 404);

    private ImportProblems() { }

    static ProblemException tooLarge(ImportFormat format, long bytes, long max) {
        return new ProblemException(FILE_TOO_LARGE, "A " + format.wire().toUpperCase(java.util.Locale.ROOT)
                + " import takes at most " + max + " bytes; this file is " + bytes + ". Split it into several imports.");
    }

    static ProblemException notFound() {
        return ProblemException.notFound("This workspace has no such import.");
    }

    static ProblemException noReport(ContactImport imp) {
        return new ProblemException(NO_ERROR_REPORT, imp.state().finished()
                ? "Every row of this import went in: there is nothing to report."
                : "The import is " + imp.state().wire() + "; its error report is written when it ends.");
    }
}
