package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A linked device changed something pairing or orchestration depends on: capabilities, vendor data, and (schema 2) a
 * charger's {@code electrical} data and whether the OEM can reach the device ({@code isReachable}, with
 * {@code unreachableReason} when false). It carries the device's whole current description; null means unknown.
 */
public record DeviceUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities,
        ElectricalData electrical, Boolean isReachable, String unreachableReason)
        implements
            DeviceLifecycleEvent {

    public static final int SCHEMA_VERSION = 2;

    @JsonCreator
    public DeviceUpdated {
    }

    /** Schema 1's shape: electrical data and reachability unknown. */
    public DeviceUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, deviceType, deviceId, vendor, capabilities, null,
                null, null);
    }
}
