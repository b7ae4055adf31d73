package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

public record PairEstablished(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String pairId, String vehicleId, String chargerId)
        implements
            PairEvent {

    public static final int SCHEMA_VERSION = 1;
}
