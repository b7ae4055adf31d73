package io.plugmate.commons.problem;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail, the body of every error response. {@code errors} lists field violations (400);
 * {@code errorId} is set only on 500s so that a caller can quote it and an operator can find the logged cause.
 */
// serialised by Jackson, also in a native image
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldViolation> errors, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), null);
    }

    /**
     * A problem for a bare HTTP status: its dedicated type when there is one, otherwise {@code about:blank} with the
     * status's reason phrase as title (RFC 9457 §4.2.1).
     */
    public static Problem ofStatus(int status, String detail, String instance) {
        return ProblemType.forStatus(status)
                .map(type -> of(type, detail, instance))
                .orElseGet(() -> new Problem(ABOUT_BLANK, reasonPhrase(status), status, detail, instance, List.of(), null));
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    public Problem withErrors(List<FieldViolation> violations) {
        return new Problem(type, title, status, detail, instance, violations, errorId);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, errorId);
    }
}
