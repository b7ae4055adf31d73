package io.plugmate.commons.problem;

/**
 * Caller-facing details for statuses a framework raised. The framework's own message is never used: it may name
 * classes or internals.
 */
final class StatusDetails {

    private StatusDetails() {
    }

    static String of(int status) {
        return switch (status) {
            case 400 -> "The request is invalid.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "The caller is not allowed to do this.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the accepted media types can be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request's content type is not supported here.";
            case 429 -> "Too many requests; retry later.";
            case 503 -> "The service is temporarily unavailable.";
            default -> "The request could not be handled.";
        };
    }
}
