package io.plugmate.pairing;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import io.plugmate.events.EventJson;
import io.plugmate.events.PairEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;

/** The pair-events topic as a downstream service reads it, narrowed to one API client's events. */
public final class PairEvents implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(45);

    private final String clientId;
    private final KafkaTestClient.Reader reader = KafkaTestClient.reader(Topics.PAIR_EVENTS);

    private PairEvents(String clientId) {
        this.clientId = clientId;
    }

    public static PairEvents of(String clientId) {
        return new PairEvents(clientId);
    }

    /** Everything published for the client so far, in topic order (one user's events share a partition). */
    public List<PairEvent> all() {
        return reader.poll().stream().map(r -> EventJson.read(r.value(), PairEvent.class))
                .filter(e -> e.clientId().equals(clientId)).toList();
    }

    /** Waits until an event matching the predicate was published; returns the first such. */
    public <T extends PairEvent> T await(Class<T> type, Predicate<T> matching) {
        Awaitility.await().atMost(PATIENCE).until(() -> all().stream().anyMatch(e -> type.isInstance(e)
                && matching.test(type.cast(e))));
        return all().stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst().orElseThrow();
    }

    public <T extends PairEvent> T await(Class<T> type) {
        return await(type, e -> true);
    }

    /** The record keys of the client's events (the contract keys pair-events by userId). */
    public List<String> keys() {
        return reader.poll().stream().filter(r -> EventJson.read(r.value(), PairEvent.class).clientId()
                .equals(clientId)).map(r -> r.key()).toList();
    }

    @Override
    public void close() {
        reader.close();
    }
}
