package io.plugmate.simulator.domain;

import java.time.Instant;

/**
 * A charger's report. {@code chargeRateKw} is measured at the wall (null for the brand that reports none);
 * {@code maxCurrentA} is null for the brand without a settable current; {@code energyMeterKwh} is the lifetime
 * meter, never decreasing.
 */
public record ChargerReport(String reportId, String chargerId, Vendor vendor, Instant observedAt, boolean isPluggedIn,
        boolean isCharging, Double chargeRateKw, Integer maxCurrentA, double energyMeterKwh) implements DeviceReport {

    @Override
    public String deviceId() {
        return chargerId;
    }

    @Override
    public DeviceType deviceType() {
        return DeviceType.CHARGER;
    }
}
