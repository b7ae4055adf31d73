package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

public record ActionUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        UUID actionId, DeviceType targetType, String targetId, CommandKind kind, ActionState state,
        FailureReason failureReason)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;
}
