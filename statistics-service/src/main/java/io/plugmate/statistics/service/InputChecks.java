package io.plugmate.statistics.service;

import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/**
 * What an input must carry beyond the envelope {@code EventJson} checks, so that nothing is filed under the wrong user
 * or placed at no time: a record without it is poison (DLQ with this message as the reason).
 */
final class InputChecks {

    private InputChecks() {
    }

    /** @throws InvalidEventException with a message fit for the DLQ reason header */
    static void check(PlugmateEvent event) {
        if (event.userId() == null || event.userId().isBlank()) {
            throw new InvalidEventException(event.type() + " without userId");
        }
        switch (event) {
            case VehicleStateObserved v when v.vehicleId() == null || v.observedAt() == null -> throw new InvalidEventException(
                    "VehicleStateObserved without vehicleId or observedAt");
            case ChargerStateObserved c when c.chargerId() == null || c.observedAt() == null -> throw new InvalidEventException(
                    "ChargerStateObserved without chargerId or observedAt");
            case ChargerSessionRecorded r when r.sessionId() == null || r.chargerId() == null || r.startedAt() == null ->
                throw new InvalidEventException(
                        "ChargerSessionRecorded without sessionId, chargerId or startedAt");
            case ChargerSessionRecorded r when r.endedAt() != null && r.endedAt().isBefore(r.startedAt()) ->
                throw new InvalidEventException(
                        "ChargerSessionRecorded ending before it started");
            case PairEvent p when p.pairId() == null || p.vehicleId() == null || p.chargerId() == null ->
                throw new InvalidEventException(
                        p.type() + " without pairId, vehicleId or chargerId");
            case DeviceLifecycleEvent d when d.deviceType() == null || d.deviceId() == null || d.deviceId().isBlank() ->
                throw new InvalidEventException(
                        d.type() + " without deviceType or deviceId");
            default -> {
                // usable as it is
            }
        }
    }
}
