package dev.penguinmails.shared.tenancy;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** The item is not there, or has expired (404 if it reaches HTTP). */
public class ItemNotFoundException extends ProblemException {
    public ItemNotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
