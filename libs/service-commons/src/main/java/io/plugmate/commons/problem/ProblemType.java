package io.plugmate.commons.problem;

import java.net.URI;
import java.util.Optional;

/**
 * The problem types every service answers with. Type URIs are {@code tag:} URIs (RFC 4151), which RFC 9457 §3.1.1
 * suggests for identifiers that are not meant to be dereferenced: clients compare them, they do not fetch them.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "Invalid request"),
    MALFORMED_BODY("malformed-body", 400, "Malformed request body"),
    MALFORMED_TARGET("malformed-target", 400, "Malformed request target"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    URI_TOO_LONG("uri-too-long", 414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    PRECONDITION("precondition", 422, "Precondition not met"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "Service unavailable");

    private static final String PREFIX = "tag:plugmate.io,2026:problem:";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = URI.create(PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The dedicated type for a bare HTTP status (e.g. one a framework raised), if there is one. */
    public static Optional<ProblemType> forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_BODY && type != MALFORMED_TARGET) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
