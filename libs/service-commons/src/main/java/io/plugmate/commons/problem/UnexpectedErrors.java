package io.plugmate.commons.problem;

import java.util.UUID;

import org.jboss.logging.Logger;

/**
 * The one place a bug becomes a 500: the caller gets a generic detail and an error id, the log gets the stack
 * trace under the same id. Nothing about the cause reaches the response.
 */
public final class UnexpectedErrors {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class);

    private UnexpectedErrors() {
    }

    public static Problem toProblem(Throwable cause, String method, String path) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(cause, "Unexpected error %s while handling %s %s", errorId, method, path);
        return Problem.of(ProblemType.INTERNAL,
                "An unexpected error occurred. Quote the errorId when reporting it.", path)
                .withErrorId(errorId);
    }
}
