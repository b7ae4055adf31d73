package io.plugmate.orchestration;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.testinfra.KafkaTestClient;

/** One of the service's output topics as a downstream service reads it, narrowed to one API client's events. */
public final class Topic<T extends PlugmateEvent> implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaTestClient.Reader reader;
    private final Class<T> type;
    private final String clientId;

    private Topic(String topic, Class<T> type, String clientId) {
        this.reader = KafkaTestClient.reader(topic);
        this.type = type;
        this.clientId = clientId;
    }

    public static <T extends PlugmateEvent> Topic<T> of(String topic, Class<T> type, String clientId) {
        return new Topic<>(topic, type, clientId);
    }

    public List<ConsumerRecord<String, String>> records() {
        return reader.poll().stream().filter(r -> r.value() != null
                && EventJson.read(r.value(), PlugmateEvent.class).clientId().equals(clientId)).toList();
    }

    public List<T> all() {
        return records().stream().map(r -> EventJson.read(r.value(), type)).toList();
    }

    /** Waits until an event matching the predicate was published; returns the last such. */
    public T await(Predicate<T> matching) {
        Awaitility.await().atMost(PATIENCE).until(() -> all().stream().anyMatch(matching));
        return all().stream().filter(matching).reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public void close() {
        reader.close();
    }
}
