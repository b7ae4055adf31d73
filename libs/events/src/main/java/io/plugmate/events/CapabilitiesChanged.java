package io.plugmate.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The effective capabilities of a device, by capability name (startCharging, stopCharging, setMaxCurrent, setMaxPower):
 * native ones with {@code unlockedBy} null, ones offered through a pair with it. The latest event per device is the
 * whole truth for the names it carries; an empty {@code interventionIds} on an unlocked capability means the device
 * service should show none (the pair suppresses what blocked it natively).
 */
public record CapabilitiesChanged(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId, Map<String, Capability> capabilities)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 2;

    public CapabilitiesChanged {
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    }
}
