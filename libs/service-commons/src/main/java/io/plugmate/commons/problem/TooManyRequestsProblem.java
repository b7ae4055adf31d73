package io.plugmate.commons.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

/** 429 with {@code Retry-After} in whole seconds (at least 1, so that a client never retries in a tight loop). */
public class TooManyRequestsProblem extends ProblemException {

    public TooManyRequestsProblem(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail, List.of(),
                Map.of(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter)));
    }

    /** A {@code Retry-After} value: whole seconds, rounded up, at least 1. */
    static String retryAfterSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        return Long.toString(Math.max(1, duration.toNanosPart() > 0 ? seconds + 1 : seconds));
    }
}
