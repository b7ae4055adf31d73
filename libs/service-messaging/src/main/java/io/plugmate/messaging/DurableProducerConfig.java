package io.plugmate.messaging;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of this library's own producers (the outbox relay's, the dead letters'): the service's one
 * {@code kafka.*} configuration (bootstrap servers, TLS, SASL), like every other Kafka client of the service, with
 * durable delivery on top: acks=all and idempotent, so retries neither lose nor reorder records of a key.
 */
final class DurableProducerConfig {

    private DurableProducerConfig() {
    }

    static Map<String, Object> of(Map<String, Object> kafkaConfig, String clientId) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // consumer-side keys a service may set under kafka.* mean nothing to a producer
        config.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto.offset"));
        return config;
    }
}
