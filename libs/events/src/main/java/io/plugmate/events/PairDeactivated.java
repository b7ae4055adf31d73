package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The pair's activation ended. Schema 2 (ADR 0010) adds {@code withdrawn}: true when the activation was never right (a
 * person rejected the pair or confirmed a rival, an equally plausible rival contested it, later evidence ruled it out),
 * so whatever was attributed through it should be taken back; false when it ended as over (an unplug, detection
 * switched off); null from a schema-1 producer, which leaves the reason phrase as the only hint.
 */
public record PairDeactivated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String pairId, String vehicleId, String chargerId, String reason, Boolean withdrawn)
        implements
            PairEvent {

    public static final int SCHEMA_VERSION = 2;

    @JsonCreator
    public PairDeactivated {
    }

    /** Schema 1's shape: whether the activation is withdrawn is unknown. */
    public PairDeactivated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            String pairId, String vehicleId, String chargerId, String reason) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, pairId, vehicleId, chargerId, reason, null);
    }
}
