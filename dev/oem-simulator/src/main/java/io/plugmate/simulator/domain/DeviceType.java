package io.plugmate.simulator.domain;

/** The two kinds of device an OEM cloud can hold. */
public enum DeviceType {
    VEHICLE,
    CHARGER
}
