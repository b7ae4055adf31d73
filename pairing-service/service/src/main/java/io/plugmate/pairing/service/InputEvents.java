package io.plugmate.pairing.service;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/**
 * What an input must carry beyond the envelope {@code EventJson} already checks, so that nothing the detector would
 * misfile reaches it: a user (the detector is per user), a device type on lifecycle events (without one the detector
 * would file the device as a charger), and on observations the device and the event time they are placed at.
 */
final class InputEvents {

    private InputEvents() {
    }

    /** @throws InvalidEventException with a message fit for the DLQ reason header */
    static void check(PlugmateEvent event) {
        if (event.userId() == null || event.userId().isBlank()) {
            throw new InvalidEventException(event.type() + " without userId");
        }
        switch (event) {
            case DeviceLinked linked when linked.deviceType() == null -> throw new InvalidEventException(
                    "DeviceLinked without deviceType");
            case DeviceRemoved removed when removed.deviceType() == null -> throw new InvalidEventException(
                    "DeviceRemoved without deviceType");
            case VehicleStateObserved v when v.vehicleId() == null || v.observedAt() == null -> throw new InvalidEventException(
                    "VehicleStateObserved without vehicleId or observedAt");
            case ChargerStateObserved c when c.chargerId() == null || c.observedAt() == null -> throw new InvalidEventException(
                    "ChargerStateObserved without chargerId or observedAt");
            default -> {
                // what the detector takes as it is
            }
        }
    }
}
