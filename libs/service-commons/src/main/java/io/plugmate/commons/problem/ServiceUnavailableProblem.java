package io.plugmate.commons.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * 503 with {@code Retry-After} in whole seconds: a dependency we cannot do without (the database) is away for now, the
 * request itself was fine and the same request later will succeed. Callers that retry (OEM webhook senders) do so.
 */
public class ServiceUnavailableProblem extends ProblemException {

    public ServiceUnavailableProblem(String detail, Duration retryAfter) {
        super(ProblemType.UNAVAILABLE, detail, List.of(),
                Map.of(HttpHeaders.RETRY_AFTER, TooManyRequestsProblem.retryAfterSeconds(retryAfter)));
    }
}
