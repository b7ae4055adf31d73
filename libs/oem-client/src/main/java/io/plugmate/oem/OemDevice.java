package io.plugmate.oem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A device as the OEM lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OemDevice(String id, String vendor, String deviceType, Information information,
        Capabilities capabilities) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Information(String brand, String model, Integer year, String vin, String serialNumber,
            String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capabilities(boolean startCharging, boolean stopCharging, boolean setMaxCurrent, boolean location,
            boolean chargeRate) {
    }
}
