package io.plugmate.commons.problem;

/** 409: the request clashes with the current state of the resource (duplicate, concurrent change). */
public class ConflictProblem extends ProblemException {

    public ConflictProblem(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
