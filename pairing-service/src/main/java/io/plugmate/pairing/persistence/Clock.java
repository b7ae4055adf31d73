package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wall-clock instants as PostgreSQL keeps them (microseconds), so a value read back compares equal. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return micros(Instant.now());
    }

    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
