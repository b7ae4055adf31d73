package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An instruction to one device, keyed by deviceId. {@code commandId} is the idempotency key: a redelivered command with
 * the same id must not reach the OEM twice. {@code maxCurrentA} is set for SET_MAX_CURRENT and {@code maxPowerKw} for
 * SET_MAX_POWER.
 */
public record DeviceCommand(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        UUID commandId, UUID actionId, DeviceType deviceType, String deviceId, CommandKind kind, Double maxCurrentA,
        Double maxPowerKw, Instant deadline)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;
}
