package io.plugmate.simulator.domain;

import java.time.Instant;

/**
 * Ground truth of a plug interval at a household charger with that charger's own meter, read at the true plug-in and
 * unplug instants (no rounding, no skew): {@code meterAtUnplugKwh − meterAtPlugInKwh} is the energy the wallbox
 * delivered, what a charger-native session must measure. {@code meterAtUnplugKwh} is null while still plugged.
 */
public record MeteredInterval(String vehicleId, String chargerId, String householdId, Instant pluggedInAt,
        Instant unpluggedAt, double meterAtPlugInKwh, Double meterAtUnplugKwh) {

    /** The delivered energy; null while still plugged. */
    public Double energyKwh() {
        return meterAtUnplugKwh == null ? null : meterAtUnplugKwh - meterAtPlugInKwh;
    }
}
