package io.plugmate.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A device was linked. {@code electrical} (schema 2) is a charger's supply data from its OEM, null for vehicles and
 * wherever the OEM does not tell. {@code scopes} (schema 3, docs/adr/0012) are the scopes the API client was granted
 * for a charger (e.g. {@code charger:read:data}), sorted; null where not told: a producer before schema 3, a vehicle, a
 * charger whose account was never told its scopes (which withholds nothing).
 */
public record DeviceLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities,
        ElectricalData electrical, List<String> scopes)
        implements
            DeviceLifecycleEvent {

    public static final int SCHEMA_VERSION = 3;

    @JsonCreator
    public DeviceLinked {
        scopes = scopes == null ? null : List.copyOf(scopes);
    }

    /** Schema 2's shape: the scopes not told. */
    public DeviceLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities,
            ElectricalData electrical) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, deviceType, deviceId, vendor, capabilities,
                electrical, null);
    }

    /** Schema 1's shape: the electrical data unknown. */
    public DeviceLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, deviceType, deviceId, vendor, capabilities, null);
    }
}
