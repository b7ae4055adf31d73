package io.plugmate.vehicle.domain;

/** Where a vehicle's {@code chargeRate} came from (beyond Enode: architecture §2). */
public enum ChargeRateSource {
    VEHICLE,
    CHARGER,
    NONE
}
