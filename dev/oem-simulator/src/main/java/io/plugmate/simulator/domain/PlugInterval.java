package io.plugmate.simulator.domain;

import java.time.Instant;

/**
 * Ground truth: vehicle {@code vehicleId} was physically connected to {@code chargerId} (a household charger id or
 * {@code public:<id>}) from {@code pluggedInAt} until {@code unpluggedAt} (null while still plugged). True simulated
 * time, no skew.
 */
public record PlugInterval(String vehicleId, String chargerId, String householdId, Instant pluggedInAt,
        Instant unpluggedAt) {

    /** Not a getter on purpose: JSON output stays exactly the five documented fields. */
    public boolean atPublicCharger() {
        return chargerId.startsWith("public:");
    }
}
