package io.plugmate.commons.features;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The latest overrides per client, as replayed from the compacted topic. Each record replaces the client's whole
 * override set (the topic is "latest value wins"), so applying a record twice changes nothing.
 */
@ApplicationScoped
public class FeatureOverrides {

    private final Map<String, Map<Feature, Boolean>> byClient = new ConcurrentHashMap<>();

    public void replace(String clientId, Map<Feature, Boolean> overrides) {
        if (overrides.isEmpty()) {
            byClient.remove(clientId);
        } else {
            byClient.put(clientId, Collections.unmodifiableMap(new EnumMap<>(overrides)));
        }
    }

    public void clear(String clientId) {
        byClient.remove(clientId);
    }

    /** Never null; empty when the client has no overrides. */
    public Map<Feature, Boolean> of(String clientId) {
        return byClient.getOrDefault(clientId, Map.of());
    }

    public int clientCount() {
        return byClient.size();
    }
}
