package io.plugmate.simulator.domain;

import java.time.Instant;

/**
 * A vehicle's report. {@code chargeRateKw} is what the car says it is taking (after its losses) and is null for
 * brands that do not report it; {@code location} is null for the brand without GPS; {@code maxCurrentA} is null when
 * the brand cannot limit its current.
 */
public record VehicleReport(String reportId, String vehicleId, Vendor vendor, Instant observedAt, boolean isPluggedIn,
        boolean isCharging, Double chargeRateKw, int batteryLevel, int rangeKm, int chargeLimit, Integer maxCurrentA,
        GeoPoint location) implements DeviceReport {

    @Override
    public String deviceId() {
        return vehicleId;
    }

    @Override
    public DeviceType deviceType() {
        return DeviceType.VEHICLE;
    }
}
