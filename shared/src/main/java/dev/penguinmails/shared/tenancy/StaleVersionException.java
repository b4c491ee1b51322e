package dev.penguinmails.shared.tenancy;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** An update carried a version that is no longer current: someone else changed the item first (409). */
public class StaleVersionException extends ProblemException {
    public static final ProblemType TYPE = ProblemType.of("version-conflict", "The resource was changed meanwhile", 409);

    public StaleVersionException(String detail) {
        super(TYPE, detail);
    }
}
