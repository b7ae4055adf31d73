package io.plugmate.commons.problem;

/** 403: authenticated, but this caller may not do this. */
public class ForbiddenProblem extends ProblemException {

    public ForbiddenProblem(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
