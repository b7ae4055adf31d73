package io.plugmate.benchmarks.files;

import java.time.Instant;

/**
 * One ground-truth plug interval, as the simulator recorded it (true time, no clock skew), with what it means for
 * scoring.
 *
 * @param householdId the household (user) whose charger or vehicle it concerns
 * @param unpluggedAt null when the vehicle was still plugged in when the world ended
 */
public record TruthInterval(Kind kind, String vehicleId, String chargerId, String householdId, Instant pluggedInAt,
        Instant unpluggedAt) {

    public enum Kind {
        /** A linked vehicle at a linked charger of its own household: a session detection should find. */
        HOME,
        /** A car the platform does not know (a visitor) at a linked charger: must never be paired. */
        GUEST,
        /** A linked vehicle at a charger outside the platform: must never be paired with the home charger. */
        PUBLIC
    }

    /** Whether the vehicle was plugged in here at {@code t}, counting {@code slackAfter} past the unplug. */
    public boolean covers(Instant t, java.time.Duration slackAfter) {
        return !t.isBefore(pluggedInAt) && (unpluggedAt == null || !t.isAfter(unpluggedAt.plus(slackAfter)));
    }

    /** The unplug, or {@code worldEnd} for an interval still open. */
    public Instant endOr(Instant worldEnd) {
        return unpluggedAt != null ? unpluggedAt : worldEnd;
    }
}
