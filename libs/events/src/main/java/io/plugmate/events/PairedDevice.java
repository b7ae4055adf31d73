package io.plugmate.events;

/** The device on the other side of the ACTIVE pair an action went through or whose view mirrors it. */
public record PairedDevice(String pairId, DeviceType deviceType, String deviceId) {
}
