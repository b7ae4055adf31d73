package io.plugmate.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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

    /**
     * Everything on the topic up to the end it has now: each assigned partition read up to its end offset, so that a
     * duplicate already written cannot be missed for having arrived a poll later.
     */
    List<ConsumerRecord<String, String>> readToEnd() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            poll();
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic not read to its end " + ends + " within 30 s");
            }
            poll();
        }
        return seen;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
