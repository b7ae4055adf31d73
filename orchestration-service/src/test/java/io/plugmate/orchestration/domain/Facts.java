package io.plugmate.orchestration.domain;

import java.time.Instant;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceType;
import io.plugmate.events.ElectricalData;

/** Small builders for domain tests: a vehicle v1 and a charger c1, paired as p1. */
final class Facts {

    static final Instant T0 = Instant.parse("2026-11-24T17:00:00Z");
    static final DeviceCapabilities ALL = new DeviceCapabilities(true, true, true, true);
    static final DeviceCapabilities START_STOP = new DeviceCapabilities(true, true, false, false);
    static final DeviceCapabilities NONE = DeviceCapabilities.none();
    static final ElectricalData THREE_PHASE_32 = new ElectricalData(3, 230.0, 6.0, 32.0);
    static final ElectricalData UNKNOWN = new ElectricalData(null, null, null, null);

    private Facts() {
    }

    static DeviceFacts vehicle(DeviceCapabilities caps) {
        return device(DeviceType.VEHICLE, "v1", "VOLTRA", caps, UNKNOWN, null, null);
    }

    static DeviceFacts charger(DeviceCapabilities caps) {
        return device(DeviceType.CHARGER, "c1", "TESLA", caps, THREE_PHASE_32, null, null);
    }

    static DeviceFacts device(DeviceType type, String id, String vendor, DeviceCapabilities caps,
            ElectricalData electrical, Boolean reachable, Boolean pluggedIn) {
        return new DeviceFacts(type, id, vendor, caps, electrical, reachable,
                Boolean.FALSE.equals(reachable) ? "credential lapsed" : null,
                new DeviceStatus(T0, pluggedIn, false, null));
    }

    static PairFacts pair(PairStatus status) {
        return new PairFacts("p1", "v1", "c1", status, status == PairStatus.ACTIVE ? 0.9 : 0.0, T0);
    }

    static DeviceFacts with(DeviceFacts d, Boolean reachable) {
        return new DeviceFacts(d.type(), d.id(), d.vendor(), d.natively(), d.electrical(), reachable,
                Boolean.FALSE.equals(reachable) ? "credential lapsed" : null, d.status());
    }

    static DeviceFacts withElectrical(DeviceFacts d, ElectricalData electrical) {
        return new DeviceFacts(d.type(), d.id(), d.vendor(), d.natively(), electrical, d.reachable(),
                d.unreachableReason(), d.status());
    }

    static DeviceFacts withStatus(DeviceFacts d, DeviceStatus status) {
        return new DeviceFacts(d.type(), d.id(), d.vendor(), d.natively(), d.electrical(), d.reachable(),
                d.unreachableReason(), status);
    }
}
