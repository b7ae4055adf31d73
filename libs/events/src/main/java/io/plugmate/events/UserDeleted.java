package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The API client asked to erase one of its users ({@code DELETE /users/{userId}}, GDPR erasure, docs/adr/0011): every
 * service deletes everything it holds about {@code clientId}'s {@code userId} — devices, observations, credentials,
 * pairs and their history, actions, sessions and statistics. Published by vehicle-service (which owns linking) on
 * {@link Topics#USERS}, key userId; the device services' OEM grants are revoked by vehicle-service, the one holder of
 * refresh tokens. Carries nothing but the envelope: there is nothing else to say about a user being forgotten.
 */
public record UserDeleted(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;
}
