package io.plugmate.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * The relay's producer: durable (acks=all) and idempotent, so retries neither lose nor reorder records of a key. It
 * connects with the service's one {@code kafka.*} configuration (bootstrap servers, TLS, SASL), like every other Kafka
 * client of the service.
 */
@ApplicationScoped
class OutboxProducer {

    private final KafkaProducer<String, String> producer;

    OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.producer = new KafkaProducer<>(config(kafkaConfig), new StringSerializer(), new StringSerializer());
    }

    /** The service's connection settings, with the relay's delivery guarantees on top (they are not negotiable). */
    static Map<String, Object> config(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "plugmate-outbox-relay");
        // consumer-side keys a service may set under kafka.* mean nothing to a producer
        config.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto.offset"));
        return config;
    }

    CompletableFuture<RecordMetadata> send(ProducerRecord<String, String> record) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                ack.completeExceptionally(failure);
            } else {
                ack.complete(metadata);
            }
        });
        return ack;
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
