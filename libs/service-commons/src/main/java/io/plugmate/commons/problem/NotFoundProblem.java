package io.plugmate.commons.problem;

/**
 * 404. Also the answer for another client's object: its existence must not be revealed (architecture §3), so the
 * detail names only what the caller asked for.
 */
public class NotFoundProblem extends ProblemException {

    public NotFoundProblem(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }

    /** E.g. {@code NotFoundProblem.of("vehicle", id)} → "No vehicle with id 42". */
    public static NotFoundProblem of(String what, Object id) {
        return new NotFoundProblem("No " + what + " with id " + id);
    }
}
