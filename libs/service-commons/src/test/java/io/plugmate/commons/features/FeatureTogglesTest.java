package io.plugmate.commons.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FeatureTogglesTest {

    /** The contract defaults of architecture §8, with one service-level change to show config wins. */
    record Defaults(boolean pairingDetection) implements FeaturesConfig.Defaults {
        public boolean improvedChargeRate() {
            return true;
        }

        public boolean enhancedChargeRateEstimate() {
            return false;
        }

        public boolean capabilityUnlocking() {
            return true;
        }

        public boolean commandOrchestration() {
            return true;
        }

        public boolean nativeSessionStatistics() {
            return true;
        }

        public boolean unifiedChargerControls() {
            return false;
        }
    }

    record Config(FeaturesConfig.Defaults defaults) implements FeaturesConfig {
        public Overrides overrides() {
            throw new UnsupportedOperationException("not used by FeatureToggles");
        }
    }

    private final FeatureOverrides overrides = new FeatureOverrides();
    private final FeatureToggles toggles = new FeatureToggles(new Config(new Defaults(false)), overrides);

    @Test
    void withoutOverridesEveryClientGetsTheDefaults() {
        assertThat(toggles.effective("acme")).containsExactly(
                Map.entry(Feature.PAIRING_DETECTION, false),
                Map.entry(Feature.IMPROVED_CHARGE_RATE, true),
                Map.entry(Feature.ENHANCED_CHARGE_RATE_ESTIMATE, false),
                Map.entry(Feature.CAPABILITY_UNLOCKING, true),
                Map.entry(Feature.COMMAND_ORCHESTRATION, true),
                Map.entry(Feature.NATIVE_SESSION_STATISTICS, true),
                Map.entry(Feature.UNIFIED_CHARGER_CONTROLS, false));
        assertThat(toggles.isEnabled("acme", Feature.ENHANCED_CHARGE_RATE_ESTIMATE)).isFalse();
    }

    @Test
    void anOverrideWinsForThatClientOnly() {
        overrides.replace("acme", Map.of(Feature.CAPABILITY_UNLOCKING, false, Feature.PAIRING_DETECTION, true));

        assertThat(toggles.isEnabled("acme", Feature.CAPABILITY_UNLOCKING)).isFalse();
        assertThat(toggles.isEnabled("acme", Feature.PAIRING_DETECTION)).isTrue();
        assertThat(toggles.isEnabled("acme", Feature.COMMAND_ORCHESTRATION)).isTrue();
        assertThat(toggles.isEnabled("globex", Feature.CAPABILITY_UNLOCKING)).isTrue();
    }

    @Test
    void replacingWithNothingOrClearingRestoresTheDefaults() {
        overrides.replace("acme", Map.of(Feature.CAPABILITY_UNLOCKING, false));
        overrides.replace("acme", Map.of());
        assertThat(toggles.effective("acme")).isEqualTo(toggles.defaults());

        overrides.replace("acme", Map.of(Feature.CAPABILITY_UNLOCKING, false));
        overrides.clear("acme");
        assertThat(toggles.effective("acme")).isEqualTo(toggles.defaults());
        assertThat(overrides.clientCount()).isZero();
    }

    @Test
    void describingSaysWhereEachValueComesFrom() {
        overrides.replace("acme", Map.of(Feature.COMMAND_ORCHESTRATION, false));

        assertThat(toggles.describe("acme")).hasSize(Feature.values().length)
                .contains(new EffectiveFeature(Feature.COMMAND_ORCHESTRATION, false, EffectiveFeature.Source.OVERRIDE),
                        new EffectiveFeature(Feature.UNIFIED_CHARGER_CONTROLS, false, EffectiveFeature.Source.DEFAULT),
                        new EffectiveFeature(Feature.PAIRING_DETECTION, false, EffectiveFeature.Source.DEFAULT));
        // an override equal to the default is still an override: the client asked for it
        assertThat(toggles.describe(Map.of(Feature.CAPABILITY_UNLOCKING, true)).get(3))
                .isEqualTo(new EffectiveFeature(Feature.CAPABILITY_UNLOCKING, true, EffectiveFeature.Source.OVERRIDE));
        assertThat(toggles.describe("globex")).allMatch(f -> f.source() == EffectiveFeature.Source.DEFAULT);
    }

    @Test
    void featureKeysMatchTheContract() {
        assertThat(Feature.values()).extracting(Feature::key).containsExactly("pairing-detection",
                "improved-charge-rate", "enhanced-charge-rate-estimate", "capability-unlocking",
                "command-orchestration", "native-session-statistics", "unified-charger-controls");
        assertThat(Feature.fromKey("capability-unlocking")).contains(Feature.CAPABILITY_UNLOCKING);
        assertThat(Feature.fromKey("nope")).isEmpty();
    }
}
