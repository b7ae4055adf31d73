package io.plugmate.oem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A device as the OEM lists it. {@code electrical} is a charger's supply where its OEM describes it (null for vehicles
 * and wherever the OEM does not say).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OemDevice(String id, String vendor, String deviceType, Information information,
        Capabilities capabilities, Electrical electrical) {

    @JsonCreator
    public OemDevice {
    }

    /** A device listed without supply data. */
    public OemDevice(String id, String vendor, String deviceType, Information information, Capabilities capabilities) {
        this(id, vendor, deviceType, information, capabilities, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Information(String brand, String model, Integer year, String vin, String serialNumber,
            String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capabilities(boolean startCharging, boolean stopCharging, boolean setMaxCurrent, boolean location,
            boolean chargeRate) {
    }

    /**
     * A charger's supply: phases, voltage per phase, and the current range it accepts (its minimum and maximum
     * settable limit). Any field may be null: the OEM does not say.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Electrical(Integer phases, Double voltageV, Double minCurrentA, Double maxCurrentA) {
    }
}
