package io.plugmate.commons.problem;

import java.util.List;
import java.util.Map;

/** 400 with the offending fields, for checks Bean Validation cannot express (e.g. mutually exclusive parameters). */
public class BadRequestProblem extends ProblemException {

    public BadRequestProblem(String detail, List<FieldViolation> errors) {
        super(ProblemType.VALIDATION, detail, errors, Map.of());
    }

    public static BadRequestProblem field(String field, String message) {
        return new BadRequestProblem("The request has invalid fields.", List.of(new FieldViolation(field, message)));
    }
}
