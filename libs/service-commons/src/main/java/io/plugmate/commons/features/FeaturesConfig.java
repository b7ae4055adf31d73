package io.plugmate.commons.features;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code plugmate.features.*}. One property per toggle (rather than a map) so that each has its contract default
 * and a plain environment variable, e.g. {@code PLUGMATE_FEATURES_DEFAULTS_CAPABILITY_UNLOCKING=false}.
 */
@ConfigMapping(prefix = "plugmate.features")
public interface FeaturesConfig {

    Defaults defaults();

    Overrides overrides();

    /** The service's defaults, used for every client without an override. */
    interface Defaults {

        @WithDefault("true")
        boolean pairingDetection();

        @WithDefault("true")
        boolean improvedChargeRate();

        @WithDefault("false")
        boolean enhancedChargeRateEstimate();

        @WithDefault("true")
        boolean capabilityUnlocking();

        @WithDefault("true")
        boolean commandOrchestration();

        @WithDefault("true")
        boolean nativeSessionStatistics();

        @WithDefault("false")
        boolean unifiedChargerControls();
    }

    /** Reading per-client overrides from Kafka. */
    interface Overrides {

        /** Off for services (or test profiles) that run without Kafka: every client then gets the defaults. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("client-features")
        String topic();

        @WithDefault("client-features-dlq")
        String deadLetterTopic();
    }
}
