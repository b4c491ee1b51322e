package dev.penguinmails.shared.tenancy;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** A create met an item that is already there (and not expired); answered as a 409 if it reaches HTTP. */
public class ItemExistsException extends ProblemException {
    public static final ProblemType TYPE = ProblemType.of("already-exists", "Already exists", 409);

    public ItemExistsException(String detail) {
        super(TYPE, detail);
    }
}
