package io.plugmate.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A linked device changed something pairing or orchestration depends on: capabilities, vendor data, and (schema 2) a
 * charger's {@code electrical} data and whether the OEM can reach the device ({@code isReachable}, with
 * {@code unreachableReason} when false), and (schema 3, docs/adr/0012) the {@code scopes} the API client was granted for
 * a charger, sorted — null where not told, as in {@link DeviceLinked}. It carries the device's whole current
 * description; null means unknown.
 */
public record DeviceUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities,
        ElectricalData electrical, Boolean isReachable, String unreachableReason, List<String> scopes)
        implements
            DeviceLifecycleEvent {

    public static final int SCHEMA_VERSION = 3;

    @JsonCreator
    public DeviceUpdated {
        scopes = scopes == null ? null : List.copyOf(scopes);
    }

    /** Schema 2's shape: the scopes not told. */
    public DeviceUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities,
            ElectricalData electrical, Boolean isReachable, String unreachableReason) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, deviceType, deviceId, vendor, capabilities,
                electrical, isReachable, unreachableReason, null);
    }

    /** Schema 1's shape: electrical data and reachability unknown. */
    public DeviceUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, deviceType, deviceId, vendor, capabilities, null,
                null, null);
    }
}
