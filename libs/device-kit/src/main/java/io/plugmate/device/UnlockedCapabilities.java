package io.plugmate.device;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.events.Capability;

/**
 * The capabilities orchestration offers on a device through a pair, as its latest {@code CapabilitiesChanged} says
 * (only those with {@code unlockedBy}: a native or withdrawn one is the device's own value), stored as JSON in the
 * device's {@code unlocked_capabilities} column.
 */
final class UnlockedCapabilities {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Capability>> TYPE = new TypeReference<>() {
    };

    private UnlockedCapabilities() {
    }

    /** @return null when nothing is unlocked */
    static String write(Map<String, Capability> capabilities) {
        Map<String, Capability> unlocked = new LinkedHashMap<>();
        capabilities.forEach((name, c) -> {
            if (c != null && c.isCapable() && c.unlockedBy() != null) {
                unlocked.put(name, c);
            }
        });
        try {
            return unlocked.isEmpty() ? null : JSON.writeValueAsString(unlocked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Capability> read(String stored) {
        try {
            return stored == null ? Map.of() : JSON.readValue(stored, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable unlocked_capabilities " + stored, e);
        }
    }
}
