package io.plugmate.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * What a service throws to answer with a problem. The detail is shown to the caller verbatim, so it must be written
 * for the caller: never a class name, SQL or another tenant's data. No stack trace is captured: these are expected
 * outcomes, not bugs.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldViolation> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return Problem.of(type, detail(), instance).withErrors(errors);
    }
}
