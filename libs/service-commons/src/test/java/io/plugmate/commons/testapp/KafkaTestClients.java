package io.plugmate.commons.testapp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.EventJson;

/** Plain Kafka clients against the test broker, the way another service would publish and read. */
final class KafkaTestClients {

    private KafkaTestClients() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void createCompactedTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static void send(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers", bootstrap(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, utf8(key), utf8(value))).get(30, TimeUnit.SECONDS);
        }
    }

    static String featuresChanged(String clientId, Map<String, Boolean> features) {
        return EventJson.write(new ClientFeaturesChanged(UUID.randomUUID(), ClientFeaturesChanged.SCHEMA_VERSION,
                clientId, null, Instant.now(), features));
    }

    /** Reads the topic from the beginning until a record matches or the time is up. */
    static ConsumerRecord<byte[], byte[]> await(String topic, Predicate<ConsumerRecord<byte[], byte[]>> match,
            Duration timeout) {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", bootstrap()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<TopicPartition> assigned = Set.of();
            while (System.nanoTime() < deadline) {
                if (assigned.isEmpty()) {
                    List<TopicPartition> partitions = new ArrayList<>();
                    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                    if (partitions.isEmpty()) {
                        // the topic is created by its first record, which may not have been written yet
                        pause();
                        continue;
                    }
                    assigned = Set.copyOf(partitions);
                    consumer.assign(assigned);
                    consumer.seekToBeginning(assigned);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no matching record on " + topic + " within " + timeout);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a topic", e);
        }
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
