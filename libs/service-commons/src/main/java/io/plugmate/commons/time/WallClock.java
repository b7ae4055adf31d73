package io.plugmate.commons.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The services' one wall clock: when a row was written, when a lease expires, when a request arrived. Instants are
 * truncated to microseconds, as PostgreSQL keeps them, so a value read back compares equal to the one written.
 *
 * <p>
 * It is never used for what a device measured ({@code observedAt}, event time), and never for simulated time: an object
 * that carries both says which is which in its field names.
 */
public final class WallClock {

    private WallClock() {
    }

    public static Instant now() {
        return micros(Instant.now());
    }

    /** An instant as the database will give it back; null stays null. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
