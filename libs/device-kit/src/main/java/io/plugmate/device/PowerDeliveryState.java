package io.plugmate.device;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Enode's powerDeliveryState of a vehicle or a charger, derived from what the OEM reported; unknown inputs give
 * UNKNOWN, never a guess.
 */
public enum PowerDeliveryState {
    UNKNOWN("UNKNOWN"),
    UNPLUGGED("UNPLUGGED"),
    INITIALIZING("PLUGGED_IN:INITIALIZING"),
    CHARGING("PLUGGED_IN:CHARGING"),
    STOPPED("PLUGGED_IN:STOPPED"),
    COMPLETE("PLUGGED_IN:COMPLETE"),
    NO_POWER("PLUGGED_IN:NO_POWER"),
    FAULT("PLUGGED_IN:FAULT");

    private final String wireName;

    PowerDeliveryState(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** A device that does not say whether the battery is full (a charger). */
    public static PowerDeliveryState of(Boolean isPluggedIn, Boolean isCharging) {
        return of(isPluggedIn, isCharging, null);
    }

    public static PowerDeliveryState of(Boolean isPluggedIn, Boolean isCharging, Boolean isFullyCharged) {
        if (isPluggedIn == null) {
            return UNKNOWN;
        }
        if (!isPluggedIn) {
            return UNPLUGGED;
        }
        if (Boolean.TRUE.equals(isCharging)) {
            return CHARGING;
        }
        if (Boolean.TRUE.equals(isFullyCharged)) {
            return COMPLETE;
        }
        return isCharging == null ? UNKNOWN : STOPPED;
    }
}
