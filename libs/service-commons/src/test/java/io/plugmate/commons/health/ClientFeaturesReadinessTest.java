package io.plugmate.commons.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.plugmate.commons.features.ClientFeaturesSubscription;
import io.plugmate.commons.features.FeatureOverrides;
import io.plugmate.commons.features.FeaturesConfig;

/** The readiness rule without a broker; the replay itself is covered against real Kafka in the testapp tests. */
class ClientFeaturesReadinessTest {

    record Overrides(boolean enabled) implements FeaturesConfig.Overrides {
        public String topic() {
            return "client-features";
        }

        public String deadLetterTopic() {
            return "client-features-dlq";
        }
    }

    record Config(Overrides overrides) implements FeaturesConfig {
        public Defaults defaults() {
            throw new UnsupportedOperationException("not needed");
        }
    }

    @Test
    void switchedOffTheReaderNeverHoldsUpReadiness() {
        var subscription = new ClientFeaturesSubscription(new Config(new Overrides(false)), new FeatureOverrides(),
                null, Optional.empty(), null);

        HealthCheckResponse response = new ClientFeaturesReadiness(subscription, new FeatureOverrides()).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().extracting(data -> data.get("state")).isEqualTo("DISABLED");
    }

    @Test
    void switchedOnItIsDownUntilTheReplayCaughtUp() {
        var subscription = new ClientFeaturesSubscription(new Config(new Overrides(true)), new FeatureOverrides(),
                null, Optional.empty(), null);

        HealthCheckResponse response = new ClientFeaturesReadiness(subscription, new FeatureOverrides()).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().extracting(data -> data.get("state")).isEqualTo("REPLAYING");
    }
}
