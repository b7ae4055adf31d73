package io.plugmate.orchestration.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.plugmate.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The toggles' topic must be compacted (architecture §4): services replay it from the beginning, and compaction keeps
 * each client's latest set for ever. This service writes it, so it makes sure at start-up that it exists as such (in
 * Kubernetes a KafkaTopic resource normally declares it first; then this only checks). Never fails the start: a
 * broker that is not there yet is the outbox relay's and readiness' business.
 */
@ApplicationScoped
public class ClientFeaturesTopic {

    private static final Logger LOG = Logger.getLogger(ClientFeaturesTopic.class);

    private final Instance<Map<String, Object>> kafkaConfig;

    public ClientFeaturesTopic(@Identifier("default-kafka-broker") Instance<Map<String, Object>> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    void ensure(@Observes StartupEvent startup) {
        Map<String, Object> config = new HashMap<>(kafkaConfig.get());
        config.keySet().removeIf(key -> !AdminClientConfig.configNames().contains(key));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            create(admin);
            String policy = admin.describeConfigs(List.of(resource())).all().get(10, TimeUnit.SECONDS)
                    .get(resource()).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warnf("Topic %s has cleanup.policy=%s; it must be compacted, or clients' toggles are lost with "
                        + "its retention", Topics.CLIENT_FEATURES, policy);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Could not check topic %s: %s", Topics.CLIENT_FEATURES, e.getMessage());
        }
    }

    private static void create(Admin admin) throws Exception {
        NewTopic topic = new NewTopic(Topics.CLIENT_FEATURES, Optional.empty(), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Created compacted topic %s", Topics.CLIENT_FEATURES);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static ConfigResource resource() {
        return new ConfigResource(ConfigResource.Type.TOPIC, Topics.CLIENT_FEATURES);
    }
}
