package io.plugmate.events;

/** What a device can do natively, as its OEM reports it at link time. */
public record DeviceCapabilities(boolean startCharging, boolean stopCharging, boolean setMaxCurrent, boolean location) {

    public static DeviceCapabilities none() {
        return new DeviceCapabilities(false, false, false, false);
    }
}
