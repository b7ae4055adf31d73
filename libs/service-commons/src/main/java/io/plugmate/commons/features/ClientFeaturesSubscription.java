package io.plugmate.commons.features;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.plugmate.commons.consumers.ConsumerRetryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Starts the {@link ClientFeaturesReader} with the application (unless
 * {@code plugmate.features.overrides.enabled=false}) and stops it on shutdown. Uses the same {@code kafka.*}
 * settings as the rest of the service, so TLS/SASL configuration applies here too.
 */
@ApplicationScoped
public class ClientFeaturesSubscription {

    /** What readiness reports. */
    public enum State {
        DISABLED,
        REPLAYING,
        CAUGHT_UP
    }

    private final FeaturesConfig config;
    private final FeatureOverrides overrides;
    private final Instance<Map<String, Object>> kafkaConfig;
    private final String applicationName;
    private final ConsumerRetryConfig retry;
    private volatile ClientFeaturesReader reader;

    public ClientFeaturesSubscription(FeaturesConfig config, FeatureOverrides overrides,
            @Identifier("default-kafka-broker") Instance<Map<String, Object>> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") Optional<String> applicationName,
            ConsumerRetryConfig retry) {
        this.retry = retry;
        this.config = config;
        this.overrides = overrides;
        this.kafkaConfig = kafkaConfig;
        this.applicationName = applicationName.orElse("plugmate-service");
    }

    void start(@Observes StartupEvent event) {
        if (!config.overrides().enabled()) {
            return;
        }
        Map<String, Object> kafka = kafkaConfig.get();
        if (!kafka.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("plugmate.features.overrides.enabled is true but kafka.bootstrap.servers "
                    + "is not set; set it, or turn the override reader off");
        }
        reader = new ClientFeaturesReader(kafka, config.overrides().topic(), config.overrides().deadLetterTopic(),
                overrides, applicationName, retry);
        reader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.close();
        }
    }

    public State state() {
        if (!config.overrides().enabled()) {
            return State.DISABLED;
        }
        ClientFeaturesReader current = reader;
        return current != null && current.caughtUp() ? State.CAUGHT_UP : State.REPLAYING;
    }

    /** A human-readable status for the health check. */
    public String status() {
        ClientFeaturesReader current = reader;
        return current == null ? state().name().toLowerCase() : current.status();
    }
}
