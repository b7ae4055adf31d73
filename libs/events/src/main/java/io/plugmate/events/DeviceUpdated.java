package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/** A linked device changed something pairing or orchestration depends on (capabilities, vendor data). */
public record DeviceUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        DeviceType deviceType, String deviceId, String vendor, DeviceCapabilities capabilities)
        implements
            DeviceLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;
}
