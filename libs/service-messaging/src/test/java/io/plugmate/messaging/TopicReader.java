package io.plugmate.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.plugmate.testinfra.KafkaResource;

/** Reads a topic from the beginning with a fresh consumer group, as an independent observer would. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY),
                "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
