package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/** What the device service got from the OEM for one command; {@code reason} carries the OEM's words on failure. */
public record CommandResult(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        UUID commandId, UUID actionId, DeviceType deviceType, String deviceId, CommandOutcome outcome, String reason)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;
}
