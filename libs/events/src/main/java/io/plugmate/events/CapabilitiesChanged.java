package io.plugmate.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The effective capabilities of a device, by capability name (e.g. startCharging, setMaxCurrent). */
public record CapabilitiesChanged(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId, Map<String, Capability> capabilities)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;

    public CapabilitiesChanged {
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    }
}
