package io.plugmate.commons.features;

import java.util.Optional;

/** The per-client feature toggles of architecture §8, by the key used in config, events and the API. */
public enum Feature {

    PAIRING_DETECTION("pairing-detection"),
    IMPROVED_CHARGE_RATE("improved-charge-rate"),
    ENHANCED_CHARGE_RATE_ESTIMATE("enhanced-charge-rate-estimate"),
    CAPABILITY_UNLOCKING("capability-unlocking"),
    COMMAND_ORCHESTRATION("command-orchestration"),
    NATIVE_SESSION_STATISTICS("native-session-statistics"),
    /** Orchestration: a charger that cannot start/stop itself is controlled through its ACTIVE pair's vehicle. */
    UNIFIED_CHARGER_CONTROLS("unified-charger-controls");

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Feature> fromKey(String key) {
        for (Feature feature : values()) {
            if (feature.key.equals(key)) {
                return Optional.of(feature);
            }
        }
        return Optional.empty();
    }
}
