package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a change (plug-in, charging start) happened, as far as the reports tell: after {@code lastBefore} (the last
 * report without it, null when no such report is known) and at or before {@code firstAfter} (the first report with
 * it).
 */
record Marks(Instant lastBefore, Instant firstAfter) {

    boolean bounded() {
        return lastBefore != null;
    }

    /** The same marks on another clock: {@code offset} is subtracted (a vehicle's time to the charger's). */
    Marks shifted(Duration offset) {
        return offset.isZero() ? this
                : new Marks(lastBefore == null ? null : lastBefore.minus(offset),
                        firstAfter.minus(offset));
    }

    /** May be null (no change known). */
    static Marks shifted(Marks marks, Duration offset) {
        return marks == null ? null : marks.shifted(offset);
    }

    Duration width() {
        return bounded() ? Duration.between(lastBefore, firstAfter) : null;
    }
}
