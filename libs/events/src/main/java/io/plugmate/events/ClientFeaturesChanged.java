package io.plugmate.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A client's feature overrides, keyed by clientId on a compacted topic: the latest record is the whole truth, and an
 * empty map clears every override (the client falls back to each service's defaults).
 */
public record ClientFeaturesChanged(UUID eventId, int schemaVersion, String clientId, String userId,
        Instant occurredAt, Map<String, Boolean> features)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;

    public ClientFeaturesChanged {
        features = features == null ? Map.of() : Map.copyOf(features);
    }
}
