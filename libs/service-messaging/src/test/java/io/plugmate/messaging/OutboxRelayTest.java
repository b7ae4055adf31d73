package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay's guarantees with large rounds, on the real database and broker: every key's events in commit order, a
 * send failing in the middle of a round or a round dying after its sends loses nothing, and two instances draining
 * together send each event once. The application's own relay is off here; each test makes the relays it drains with.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.RelayOff.class)
class OutboxRelayTest {

    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plugmate.outbox.relay-enabled", "false");
        }
    }

    private static final int KEYS = 37;

    @Inject
    Outbox outbox;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    OutboxConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** A relay's round takes the shipped default number of rows. */
    @Test
    void aBacklogLeavesInFullRoundsWithEveryKeyInCommitOrder() throws Throwable {
        assertThat(config.batchSize()).isEqualTo(2000);
        String topic = "relay-rounds-" + UUID.randomUUID();
        withRelay(new OutboxProducer(kafkaConfig, config), relay -> {
            long roundsBefore = relay.rounds();
            long publishedBefore = relay.published();
            List<Keyed> events = commit(topic, 5000, 5);
            assertThat(run(relay::drainAll)).isEqualTo(events.size());
            long rounds = relay.rounds() - roundsBefore;
            long published = relay.published() - publishedBefore;
            // 2,000 + 2,000 + 1,000: three rounds of four statements (begin, claim, delete, commit) each
            System.out.printf("outbox relay: %d events in %d rounds, %d rows a round at most%n", published, rounds,
                    config.batchSize());
            assertThat(rounds).isEqualTo(3);
            assertThat(published).isEqualTo(events.size());
            assertArrivedInOrder(topic, events, true);
        });
    }

    /**
     * The broker "away" for one record in the middle of a round (a retriable failure at its send): the records before
     * it are acknowledged and deleted, it and everything after it stay for the next round, which sends them once.
     */
    @Test
    void aSendFailingInTheMiddleOfARoundLeavesItAndTheRestForTheNextRound() throws Throwable {
        String topic = "relay-flaky-" + UUID.randomUUID();
        String flaky = "flaky-" + UUID.randomUUID();
        int acknowledgedFirst = 1500;
        withRelay(faultyProducer(), relay -> {
            List<Keyed> events = commit(topic, 3000, 3, i -> i == acknowledgedFirst ? flaky : "user-" + (i % KEYS));
            FaultyPartitioner.plant(flaky, () -> {
                throw new TimeoutException("planted: broker away for " + flaky);
            });
            assertThat(run(relay::drainOnce)).isEqualTo(acknowledgedFirst);
            assertThat(FaultyPartitioner.pending(flaky)).isFalse();
            assertThat(waiting(topic)).isEqualTo(events.size() - acknowledgedFirst);
            assertThat(run(relay::drainAll)).isEqualTo(events.size() - acknowledgedFirst);
            assertThat(waiting(topic)).isZero();
            assertArrivedInOrder(topic, events, true);
        });
    }

    /**
     * A round that dies after the broker acknowledged its records (its connection killed before the delete): the whole
     * round stays in the outbox and goes again — duplicates, never a loss — and the relay carries on with a new
     * connection. Each event's first arrival is still in its key's commit order.
     */
    @Test
    void aRoundThatDiesAfterSendingIsSentAgainWholeByTheNextRound() throws Throwable {
        String topic = "relay-crash-" + UUID.randomUUID();
        String victim = "victim-" + UUID.randomUUID();
        withRelay(faultyProducer(), relay -> {
            List<Keyed> events = commit(topic, 2500, 1, i -> i == 1200 ? victim : "user-" + (i % KEYS));
            // the relay's connection, in its round's transaction (the claim was its last statement)
            FaultyPartitioner.plant(victim, () -> pool.query("""
                    select pg_terminate_backend(pid) from pg_stat_activity
                    where pid <> pg_backend_pid() and state = 'idle in transaction'
                      and query like '%pg_try_advisory_xact_lock%'""")
                    .execute().await().atMost(Duration.ofSeconds(10)));
            assertThatThrownBy(() -> run(relay::drainOnce)).isNotNull();
            assertThat(waiting(topic)).isEqualTo(events.size());
            assertThat(FaultyPartitioner.pending(victim)).isFalse();
            assertThat(run(relay::drainAll)).isEqualTo(events.size());
            assertThat(waiting(topic)).isZero();
            assertArrivedInOrder(topic, events, false);
        });
    }

    private interface RelayTest {
        void run(OutboxRelay relay) throws Throwable;
    }

    /**
     * A relay of the default configuration on this producer, with what earlier test classes' applications left in the
     * shared database sent first (so that counts are the test's own), closed with its producer afterwards.
     */
    private void withRelay(OutboxProducer producer, RelayTest test) throws Throwable {
        OutboxRelay relay = new OutboxRelay(pool, vertx, config, producer);
        try {
            run(relay::drainAll);
            test.run(relay);
        } finally {
            close(relay, producer);
        }
    }

    /**
     * Two instances' relays on their timers, small rounds so that they take turns, while events are still being
     * committed: the lock lets one drain at a time, so nothing is sent twice and no key overtakes itself.
     */
    @Test
    void twoRelaysDrainingTogetherSendEachEventOnceInItsKeysOrder() throws Throwable {
        String topic = "relay-two-" + UUID.randomUUID();
        OutboxConfig small = new SmallRounds(config);
        OutboxProducer producerA = new OutboxProducer(kafkaConfig, small);
        OutboxProducer producerB = new OutboxProducer(kafkaConfig, small);
        OutboxRelay relayA = new OutboxRelay(pool, vertx, small, producerA);
        OutboxRelay relayB = new OutboxRelay(pool, vertx, small, producerB);
        List<Keyed> events = new ArrayList<>();
        relayA.start(new StartupEvent());
        relayB.start(new StartupEvent());
        try {
            for (int i = 0; i < 20; i++) {
                events.addAll(commit(topic, 150, 1));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> waiting(topic) == 0);
        } finally {
            close(relayA, producerA);
            close(relayB, producerB);
        }
        System.out.printf("two relays: %d and %d rounds of at most %d rows%n", relayA.rounds(), relayB.rounds(),
                small.batchSize());
        assertThat(relayA.rounds() + relayB.rounds()).isGreaterThanOrEqualTo(events.size() / small.batchSize());
        assertArrivedInOrder(topic, events, true);
    }

    private record Keyed(String key, String eventId) {
    }

    /** Smaller rounds, the timer on: two relays take many turns on a few thousand events. */
    private record SmallRounds(OutboxConfig defaults) implements OutboxConfig {
        public boolean relayEnabled() {
            return true;
        }

        public Duration pollInterval() {
            return Duration.ofMillis(10);
        }

        public int batchSize() {
            return 100;
        }

        public Duration unhealthyAfter() {
            return defaults.unhealthyAfter();
        }

        public Duration sendBlock() {
            return defaults.sendBlock();
        }

        public int maxAttempts() {
            return defaults.maxAttempts();
        }
    }

    private OutboxProducer faultyProducer() {
        Map<String, Object> faulty = new HashMap<>(kafkaConfig);
        faulty.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, FaultyPartitioner.class);
        return new OutboxProducer(faulty, config);
    }

    private static void close(OutboxRelay relay, OutboxProducer producer) {
        relay.stop(new ShutdownEvent());
        producer.close();
    }

    /** {@code count} events over {@link #KEYS} keys, interleaved, committed in {@code transactions} transactions. */
    private List<Keyed> commit(String topic, int count, int transactions) throws Throwable {
        return commit(topic, count, transactions, i -> "user-" + (i % KEYS));
    }

    /** The {@code i}-th event committed has the key {@code keyOf(i)}. */
    private List<Keyed> commit(String topic, int count, int transactions, IntFunction<String> keyOf) throws Throwable {
        List<Keyed> all = new ArrayList<>();
        int perTransaction = count / transactions;
        for (int t = 0; t < transactions; t++) {
            List<DeviceRemoved> batch = new ArrayList<>();
            for (int i = 0; i < perTransaction; i++) {
                batch.add(new DeviceRemoved(UUID.randomUUID(), 1, "acme", "u1", Instant.now(), DeviceType.VEHICLE,
                        "v" + i));
            }
            int offset = all.size();
            // one after another in one transaction (a chain of thousands of nested Unis would overflow the stack)
            run(() -> Panache.withTransaction(() -> Multi.createFrom().range(0, batch.size())
                    .onItem().transformToUniAndConcatenate(
                            i -> outbox.publish(topic, keyOf.apply(offset + i), batch.get(i)))
                    .collect().last()));
            for (int i = 0; i < batch.size(); i++) {
                all.add(new Keyed(keyOf.apply(offset + i), batch.get(i).eventId().toString()));
            }
        }
        return all;
    }

    private long waiting(String topic) {
        return pool.preparedQuery("select count(*) from outbox_event where topic = $1").execute(Tuple.of(topic))
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));
    }

    /**
     * Every event on the topic, each key's events in commit order. {@code once}: no event twice; otherwise duplicates
     * are allowed (at-least-once) and the order is that of each event's first arrival, which is what the consumers'
     * inbox applies.
     */
    private static void assertArrivedInOrder(String topic, List<Keyed> events, boolean once) {
        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().size() >= events.size());
            List<ConsumerRecord<String, String>> records = reader.readToEnd();
            if (once) {
                assertThat(records).hasSize(events.size());
            }
            Map<String, List<String>> arrived = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                String eventId = EventJson.read(record.value(), PlugmateEvent.class).eventId().toString();
                List<String> ofKey = arrived.computeIfAbsent(record.key(), key -> new ArrayList<>());
                if (!ofKey.contains(eventId)) {
                    ofKey.add(eventId);
                }
            }
            Map<String, List<String>> committed = new LinkedHashMap<>();
            events.forEach(e -> committed.computeIfAbsent(e.key(), key -> new ArrayList<>()).add(e.eventId()));
            assertThat(arrived).isEqualTo(committed);
        }
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
