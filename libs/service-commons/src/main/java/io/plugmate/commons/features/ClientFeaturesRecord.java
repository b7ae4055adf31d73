package io.plugmate.commons.features;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.EventJson;
import io.plugmate.events.InvalidEventException;

/**
 * What one record of the client-features topic means. Pure, so that every poison case is a plain unit test; the
 * reader only applies the outcome.
 */
public sealed interface ClientFeaturesRecord {

    /** The client's overrides are now exactly these (never empty: no known override is a {@link Clear}). */
    record Replace(String clientId, Map<Feature, Boolean> overrides) implements ClientFeaturesRecord {
    }

    /** The client has no overrides any more (empty features map, or a tombstone after compaction). */
    record Clear(String clientId) implements ClientFeaturesRecord {
    }

    /** Cannot be applied; goes to the DLQ with this reason. */
    record Poison(String reason) implements ClientFeaturesRecord {
    }

    static ClientFeaturesRecord interpret(byte[] key, byte[] value) {
        String clientId = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (clientId == null || clientId.isBlank()) {
            return new Poison("record without a clientId key");
        }
        if (value == null) {
            return new Clear(clientId);
        }
        ClientFeaturesChanged event;
        try {
            event = EventJson.read(new String(value, StandardCharsets.UTF_8), ClientFeaturesChanged.class);
        } catch (InvalidEventException e) {
            return new Poison("unreadable ClientFeaturesChanged: " + e.getMessage());
        }
        if (event.schemaVersion() < 1 || event.schemaVersion() > ClientFeaturesChanged.SCHEMA_VERSION) {
            return new Poison("unsupported schemaVersion " + event.schemaVersion());
        }
        if (!clientId.equals(event.clientId())) {
            // compaction keeps the latest record per key: a record filed under another key would be lost or kept wrongly
            return new Poison("key '" + clientId + "' does not match clientId '" + event.clientId() + "'");
        }
        Map<Feature, Boolean> overrides = new EnumMap<>(Feature.class);
        // keys this service does not know belong to a newer producer; ignoring them keeps old services running
        event.features().forEach((name, on) -> Feature.fromKey(name).ifPresent(f -> overrides.put(f, on)));
        return overrides.isEmpty() ? new Clear(clientId) : new Replace(clientId, overrides);
    }
}
