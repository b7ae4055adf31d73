package io.plugmate.events;

/** Events on {@link Topics#DEVICE_LIFECYCLE}. */
public sealed interface DeviceLifecycleEvent extends PlugmateEvent permits DeviceLinked, DeviceUpdated, DeviceRemoved {

    DeviceType deviceType();

    String deviceId();
}
