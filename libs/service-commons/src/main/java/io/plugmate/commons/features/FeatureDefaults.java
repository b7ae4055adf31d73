package io.plugmate.commons.features;

import java.util.EnumMap;
import java.util.Map;

/** The configured defaults as a map; the switch makes adding a {@link Feature} without a default a compile error. */
final class FeatureDefaults {

    private FeatureDefaults() {
    }

    static Map<Feature, Boolean> of(FeaturesConfig.Defaults config) {
        Map<Feature, Boolean> defaults = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            defaults.put(feature, switch (feature) {
                case PAIRING_DETECTION -> config.pairingDetection();
                case IMPROVED_CHARGE_RATE -> config.improvedChargeRate();
                case ENHANCED_CHARGE_RATE_ESTIMATE -> config.enhancedChargeRateEstimate();
                case CAPABILITY_UNLOCKING -> config.capabilityUnlocking();
                case COMMAND_ORCHESTRATION -> config.commandOrchestration();
                case NATIVE_SESSION_STATISTICS -> config.nativeSessionStatistics();
                case UNIFIED_CHARGER_CONTROLS -> config.unifiedChargerControls();
            });
        }
        return defaults;
    }
}
