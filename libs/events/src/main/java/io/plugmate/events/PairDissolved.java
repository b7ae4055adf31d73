package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

public record PairDissolved(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String pairId, String vehicleId, String chargerId, String reason)
        implements
            PairEvent {

    public static final int SCHEMA_VERSION = 1;
}
