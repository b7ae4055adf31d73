package io.plugmate.vehicle.oem;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.plugmate.device.DeviceReport;

/** A vehicle's state as an OEM cloud reports it (webhook or state read); any field may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VehicleReport(String reportId, String vehicleId, String vendor, Instant observedAt, Boolean isPluggedIn,
        Boolean isCharging, Double chargeRateKw, Double batteryLevel, Double rangeKm, Double chargeLimit,
        Double maxCurrentA, Location location) implements DeviceReport {

    @Override
    public String deviceId() {
        return vehicleId;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(Double latitude, Double longitude) {
    }
}
