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

    Duration width() {
        return bounded() ? Duration.between(lastBefore, firstAfter) : null;
    }
}
