package io.plugmate.simulator.problem;

import java.util.List;

/** Thrown by resources to answer with a problem; never carries internals. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final String retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            String retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", "The request is invalid",
                List.of(new Problem.FieldError(field, message)), null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public String retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
