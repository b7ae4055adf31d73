package io.plugmate.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.testinfra.KafkaResource;

/**
 * Everything written to any topic of the platform's broker, as seen by a consumer of its own that reads from offset 0
 * and keeps reading through broker outages: the fault suite's record of effects.
 */
final class Observed implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record; {@code value} is null when it is no JSON (a poison record). */
    record Rec(String topic, int partition, long offset, String key, JsonNode value, Map<String, String> headers) {

        String text(String field) {
            JsonNode node = value == null ? null : value.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        Instant instant(String field) {
            String text = text(field);
            return text == null ? null : Instant.parse(text);
        }
    }

    private final List<Rec> records = new ArrayList<>();
    private final java.util.Set<String> read = new java.util.HashSet<>();
    private final Thread reader;
    private volatile boolean running = true;

    Observed() {
        reader = new Thread(this::read, "fault-suite-observer");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        Map<String, Object> config = Map.of("bootstrap.servers", System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY),
                "group.id", "fault-suite-observer-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "metadata.max.age.ms", "3000", "enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Pattern.compile("[a-z].*"));
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Rec rec = new Rec(r.topic(), r.partition(), r.offset(), r.key(), parse(r.value()), headers(r));
                    synchronized (records) {
                        // without committed offsets, a reassignment after a broker restart reads from 0 again
                        if (read.add(r.topic() + "/" + r.partition() + "/" + r.offset())) {
                            records.add(rec);
                        }
                    }
                }
            }
        }
    }

    /** The records so far of one topic that match. */
    List<Rec> on(String topic, Predicate<Rec> filter) {
        synchronized (records) {
            return records.stream().filter(r -> r.topic().equals(topic) && filter.test(r)).toList();
        }
    }

    /**
     * Writes one user's records of these topics, in the order they were read, as the JSONL file of {@code topic}, {@code key}
     * and {@code value} the detector's offline replay ({@code pairing-service/bin/replay}) takes: what pairing was given for
     * that user, to replay it.
     */
    void writeTrail(java.nio.file.Path file, List<String> topics, String userId) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        synchronized (records) {
            for (Rec r : records) {
                if (topics.contains(r.topic()) && userId.equals(r.text("userId"))) {
                    var line = JSON.createObjectNode().put("topic", r.topic()).put("key", r.key());
                    lines.add(JSON.writeValueAsString(line.set("value", r.value())));
                }
            }
        }
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(10_000);
    }
}
