package io.plugmate.events;

import com.fasterxml.jackson.annotation.JsonValue;

public enum DeviceType {
    VEHICLE,
    CHARGER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
