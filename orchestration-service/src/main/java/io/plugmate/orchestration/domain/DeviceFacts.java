package io.plugmate.orchestration.domain;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceType;
import io.plugmate.events.ElectricalData;

/**
 * What orchestration knows about one linked device: what its OEM lets us do natively, a charger's electrical data,
 * whether the OEM can reach it ({@code reachable} null: not said, taken as reachable) and its latest reported state.
 */
public record DeviceFacts(DeviceType type, String id, String vendor, DeviceCapabilities natively,
        ElectricalData electrical, Boolean reachable, String unreachableReason, DeviceStatus status) {

    public DeviceFacts {
        natively = natively == null ? DeviceCapabilities.none() : natively;
        electrical = electrical == null ? new ElectricalData(null, null, null, null) : electrical;
        status = status == null ? DeviceStatus.unknown() : status;
    }

    public String label() {
        return type.wireName() + " " + id + (vendor == null ? "" : " (" + vendor + ")");
    }

    boolean knownUnreachable() {
        return Boolean.FALSE.equals(reachable);
    }
}
