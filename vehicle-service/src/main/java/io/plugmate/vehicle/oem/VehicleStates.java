package io.plugmate.vehicle.oem;

import java.time.Instant;

import io.plugmate.vehicle.persistence.VehicleEntity;

/** Normalises a report into the vehicle's state; unknown (null) fields keep what we knew. */
final class VehicleStates {

    private VehicleStates() {
    }

    static void apply(VehicleEntity v, VehicleReport r, Instant observedAt) {
        v.stateObservedAt = observedAt;
        v.isPluggedIn = keep(r.isPluggedIn(), v.isPluggedIn);
        v.isCharging = keep(r.isCharging(), v.isCharging);
        v.vehicleChargeRateKw = r.chargeRateKw();
        v.batteryLevel = keep(r.batteryLevel(), v.batteryLevel);
        v.rangeKm = keep(r.rangeKm(), v.rangeKm);
        v.chargeLimit = keep(r.chargeLimit(), v.chargeLimit);
        v.maxCurrentA = keep(r.maxCurrentA(), v.maxCurrentA);
        v.isFullyCharged = v.batteryLevel != null && v.chargeLimit != null ? v.batteryLevel >= v.chargeLimit
                : v.isFullyCharged;
        if (r.location() != null && r.location().latitude() != null && r.location().longitude() != null) {
            v.latitude = r.location().latitude();
            v.longitude = r.location().longitude();
            v.locationObservedAt = observedAt;
        }
    }

    private static <T> T keep(T reported, T known) {
        return reported != null ? reported : known;
    }
}
