package io.plugmate.charger.oem;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.plugmate.device.DeviceReport;

/** A charger's state as an OEM cloud reports it; {@code chargeRateKw} is measured at the wall. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChargerReport(String reportId, String chargerId, String vendor, Instant observedAt, Boolean isPluggedIn,
        Boolean isCharging, Double chargeRateKw, Double maxCurrentA, Double energyMeterKwh) implements DeviceReport {

    @Override
    public String deviceId() {
        return chargerId;
    }
}
