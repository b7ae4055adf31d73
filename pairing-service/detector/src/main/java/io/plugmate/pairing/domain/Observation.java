package io.plugmate.pairing.domain;

import java.time.Instant;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.VehicleStateObserved;

/**
 * One device report at its event time. Any state may be null (unknown); a charger never has a location.
 *
 * @param rateKw the vehicle's own charge-rate report, or the charger's wall measurement
 */
public record Observation(Instant observedAt, Boolean plugged, Boolean charging, Double rateKw,
        GeoLocation location) {

    public static Observation of(VehicleStateObserved e) {
        return new Observation(e.observedAt(), e.isPluggedIn(), e.isCharging(), e.chargeRateKw(), e.location());
    }

    public static Observation of(ChargerStateObserved e) {
        return new Observation(e.observedAt(), e.isPluggedIn(), e.isCharging(), e.chargeRateKw(), null);
    }

    boolean isPlugged() {
        return Boolean.TRUE.equals(plugged);
    }

    boolean isUnplugged() {
        return Boolean.FALSE.equals(plugged);
    }

    boolean isCharging() {
        return Boolean.TRUE.equals(charging);
    }

    boolean isNotCharging() {
        return Boolean.FALSE.equals(charging);
    }

    /** Same measured state, so a repeat of it tells nothing new. */
    boolean sameStateAs(Observation other) {
        return java.util.Objects.equals(plugged, other.plugged) && java.util.Objects.equals(charging, other.charging);
    }
}
