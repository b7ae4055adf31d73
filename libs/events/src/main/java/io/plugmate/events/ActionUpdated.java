package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An action changed state (created, confirmed, failed, cancelled). {@code pairedDevice} (schema 2) names the other
 * device of the ACTIVE pair the action concerns: for a vehicle action executed by its paired charger, the charger;
 * for a charger action while a vehicle is plugged in through an ACTIVE pair, that vehicle, whose view mirrors the
 * result. Null when no pair is involved.
 */
public record ActionUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        UUID actionId, DeviceType targetType, String targetId, CommandKind kind, ActionState state,
        FailureReason failureReason, PairedDevice pairedDevice)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 2;

    @JsonCreator
    public ActionUpdated {
    }

    /** Schema 1's shape: no pair involved. */
    public ActionUpdated(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            UUID actionId, DeviceType targetType, String targetId, CommandKind kind, ActionState state,
            FailureReason failureReason) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, actionId, targetType, targetId, kind, state,
                failureReason, null);
    }
}
