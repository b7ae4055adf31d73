package io.plugmate.charger.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Enode's powerDeliveryState for a charger; unknown inputs give UNKNOWN, never a guess. */
public enum PowerDeliveryState {
    UNKNOWN("UNKNOWN"),
    UNPLUGGED("UNPLUGGED"),
    CHARGING("PLUGGED_IN:CHARGING"),
    STOPPED("PLUGGED_IN:STOPPED"),
    FAULT("PLUGGED_IN:FAULT");

    private final String wireName;

    PowerDeliveryState(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static PowerDeliveryState of(Boolean isPluggedIn, Boolean isCharging) {
        if (isPluggedIn == null) {
            return UNKNOWN;
        }
        if (!isPluggedIn) {
            return UNPLUGGED;
        }
        if (isCharging == null) {
            return UNKNOWN;
        }
        return isCharging ? CHARGING : STOPPED;
    }
}
