package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A device was linked. {@code electrical} (schema 2) is a charger's supply data from its OEM, null for vehicles and
 * wherever the OEM does not tell.
 */
public record DeviceLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities,
        ElectricalData electrical)
        implements
            DeviceLifecycleEvent {

    public static final int SCHEMA_VERSION = 2;

    @JsonCreator
    public DeviceLinked {
    }

    /** Schema 1's shape: the electrical data unknown. */
    public DeviceLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, deviceType, deviceId, vendor, capabilities, null);
    }
}
