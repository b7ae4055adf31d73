package io.plugmate.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PairActivated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String pairId, String vehicleId, String chargerId, double confidence, List<Evidence> evidence)
        implements
            PairEvent {

    public static final int SCHEMA_VERSION = 1;

    public PairActivated {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
