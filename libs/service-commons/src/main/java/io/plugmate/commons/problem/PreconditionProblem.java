package io.plugmate.commons.problem;

/** 422: the request is well-formed but cannot be carried out now, e.g. the device is controlled elsewhere. */
public class PreconditionProblem extends ProblemException {

    public PreconditionProblem(String detail) {
        super(ProblemType.PRECONDITION, detail);
    }
}
