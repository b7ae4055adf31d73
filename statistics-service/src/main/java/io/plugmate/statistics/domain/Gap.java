package io.plugmate.statistics.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of an estimated session the telemetry does not cover well, so the energy there is bounded rather than
 * guessed: {@code counted} is how much of it was integrated (at the rate last reported).
 *
 * @param from null when nothing was reported before the session (its start is unknown)
 * @param to null when nothing was reported after it (its end is unknown)
 */
public record Gap(Instant from, Instant to, Duration counted, String why) {

    static final String SILENCE = "no report for longer than the gap bound";
    static final String NO_RATE = "charging without a reported rate";
    static final String UNKNOWN_START = "no report before the session within the split gap";
    static final String UNKNOWN_END = "no report after the session within the split gap";
}
