package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

public record DeviceRemoved(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId)
        implements
            DeviceLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;
}
