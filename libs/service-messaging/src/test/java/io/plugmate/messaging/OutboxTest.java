package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.testinfra.Statements;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;
    @Inject
    Pool pool;

    @Inject
    CommandLedger ledger;
    @Inject
    OutboxConfig config;

    private static DeviceRemoved removed(String deviceId) {
        return new DeviceRemoved(UUID.randomUUID(), 1, "acme", "u1", Instant.now(), DeviceType.VEHICLE, deviceId);
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventJson.read(r.value(), PlugmateEvent.class).eventId().toString()).toList();
    }

    @Test
    void aCommittedChangePublishesItsEventWithTheKey() throws Throwable {
        String topic = "outbox-commit-" + UUID.randomUUID();
        DeviceRemoved event = removed("v1");

        run(() -> Panache.withTransaction(() -> Note.of("changed").persist()
                .chain(() -> outbox.publish(topic, "user-1", event))));

        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !reader.poll().isEmpty());
            ConsumerRecord<String, String> record = reader.poll().getFirst();
            assertThat(record.key()).isEqualTo("user-1");
            assertThat(EventJson.read(record.value(), DeviceRemoved.class)).isEqualTo(event);
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() throws Throwable {
        String topic = "outbox-rollback-" + UUID.randomUUID();
        DeviceRemoved doomed = removed("doomed");
        DeviceRemoved marker = removed("marker");

        assertThatThrownBy(() -> run(() -> Panache.withTransaction(() -> outbox.publish(topic, "user-1", doomed)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule broken"))))))
                .hasMessageContaining("business rule broken");
        run(() -> Panache.withTransaction(() -> outbox.publish(topic, "user-1", marker)));

        // same key, same partition: once the later marker arrived, the doomed event would have arrived before it
        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !reader.poll().isEmpty());
            assertThat(eventIds(reader.poll())).containsExactly(marker.eventId().toString());
        }
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> run(() -> outbox.publish("anywhere", "k", removed("v"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> run(() -> Panache.withSession(() -> outbox.publish("anywhere", "k", removed("v")))))
                .hasMessageContaining("needs an active transaction");
        assertThatThrownBy(() -> run(() -> Panache.withSession(
                () -> outbox.publishAll(List.of(new Outbox.Entry("anywhere", "k", removed("v")))))))
                .hasMessageContaining("needs an active transaction");
    }

    /**
     * One statement for all the events, whatever their number (issue 14), and the relay sends them as if published one
     * by one in the list's order: each key's events in that order, each with its topic and key.
     */
    @Test
    void publishAllWritesItsEventsInOneStatementInTheListsOrder() throws Throwable {
        String topic = "outbox-all-" + UUID.randomUUID();
        String otherTopic = "outbox-all-other-" + UUID.randomUUID();
        List<Outbox.Entry> entries = IntStream.range(0, 30).mapToObj(i -> new Outbox.Entry(
                i % 5 == 4 ? otherTopic : topic, "user-" + i % 3, removed("v" + i))).toList();

        List<String> sent = Statements.during(() -> {
            try {
                run(() -> Panache.withTransaction(() -> outbox.publishAll(entries)));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(sent.stream().filter(statement -> statement.contains("outbox_event"))).singleElement()
                .satisfies(statement -> assertThat(statement).startsWith("insert into outbox_event"));
        for (String t : List.of(topic, otherTopic)) {
            List<Outbox.Entry> ofTopic = entries.stream().filter(entry -> entry.topic().equals(t)).toList();
            try (TopicReader reader = new TopicReader(t)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().size() >= ofTopic.size());
                List<ConsumerRecord<String, String>> records = reader.readToEnd();
                assertThat(records).hasSameSizeAs(ofTopic);
                for (String key : List.of("user-0", "user-1", "user-2")) {
                    assertThat(eventIds(records.stream().filter(r -> r.key().equals(key)).toList()))
                            .as("%s, key %s", t, key).containsExactlyElementsOf(ofTopic.stream()
                                    .filter(entry -> entry.key().equals(key))
                                    .map(entry -> entry.event().eventId().toString()).toList());
                }
            }
        }
    }

    @Test
    void publishAllOfARolledBackChangePublishesNothing() throws Throwable {
        String topic = "outbox-all-rollback-" + UUID.randomUUID();
        DeviceRemoved doomed = removed("doomed");
        DeviceRemoved marker = removed("marker");

        assertThatThrownBy(() -> run(() -> Panache.withTransaction(
                () -> outbox.publishAll(List.of(new Outbox.Entry(topic, "user-1", doomed)))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule broken"))))))
                .hasMessageContaining("business rule broken");
        run(() -> Panache.withTransaction(() -> outbox.publishAll(List.of())
                .chain(() -> outbox.publishAll(List.of(new Outbox.Entry(topic, "user-1", marker))))));

        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !reader.poll().isEmpty());
            assertThat(eventIds(reader.poll())).containsExactly(marker.eventId().toString());
        }
    }

    @Test
    void eventsOfOneKeyArriveInCommitOrder() throws Throwable {
        String topic = "outbox-order-" + UUID.randomUUID();
        List<DeviceRemoved> events = java.util.stream.IntStream.range(0, 40).mapToObj(i -> removed("v" + i)).toList();

        for (DeviceRemoved event : events) {
            run(() -> Panache.withTransaction(() -> outbox.publish(topic, "same-user", event)));
        }

        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().size() >= events.size());
            assertThat(eventIds(reader.poll()))
                    .containsExactlyElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        }
    }

    /** More than a batch committed at once: the relay's rounds follow one another, and order and count still hold. */
    @Test
    void aBacklogOfSeveralBatchesArrivesWholeAndInCommitOrder() throws Throwable {
        String topic = "outbox-backlog-" + UUID.randomUUID();
        // three and a bit of the relay's rounds (2,000 rows each by default)
        List<DeviceRemoved> events = java.util.stream.IntStream.range(0, 3 * config.batchSize() + 250)
                .mapToObj(i -> removed("v" + i)).toList();

        // one after another in one transaction (a chain of thousands of nested Unis would overflow the stack)
        run(() -> Panache.withTransaction(() -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> outbox.publish(topic, "same-user", event))
                .collect().last()));

        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().size() >= events.size());
            assertThat(eventIds(reader.poll()))
                    .containsExactlyElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        }
    }

    @Test
    void anEventTheBrokerRefusesIsParkedWithItsReasonAndHoldsBackNothingElse() throws Throwable {
        String topic = "outbox-refused-" + UUID.randomUUID();
        DeviceRemoved before = removed("before");
        DeviceRemoved tooLarge = removed("x".repeat(1_200_000)); // above the producer's max.request.size
        DeviceRemoved sameKeyLater = removed("same-key-later");
        DeviceRemoved after = removed("after");
        // one transaction: all four are in one batch of the relay
        run(() -> Panache.withTransaction(() -> outbox.publish(topic, "user-1", before)
                .chain(() -> outbox.publish(topic, "user-2", tooLarge))
                .chain(() -> outbox.publish(topic, "user-2", sameKeyLater))
                .chain(() -> outbox.publish(topic, "user-3", after))));

        await().atMost(Duration.ofSeconds(60)).until(() -> outboxRow(tooLarge.eventId()).getValue("parked_at") != null);
        Row parked = outboxRow(tooLarge.eventId());
        assertThat(parked.getInteger("attempts")).isEqualTo(5);
        assertThat(parked.getString("last_error")).contains("RecordTooLargeException");

        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().size() >= 3);
            // each acknowledged event once: none re-sent while the refused one was retried
            assertThat(eventIds(reader.poll())).containsExactlyInAnyOrder(before.eventId().toString(),
                    sameKeyLater.eventId().toString(), after.eventId().toString());
        }
        assertThat(outboxRow(before.eventId())).isNull();
    }

    private Row outboxRow(UUID eventId) {
        return pool.preparedQuery("select attempts, last_error, parked_at from outbox_event where event_id = $1")
                .execute(Tuple.of(eventId)).map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null)
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aLateOutcomeOfAnAcceptedCommandIsRecordedAndPublishedOnce() throws Throwable {
        // two instances following the same command up may both hear "FAILED" from the OEM: one result, not two
        DeviceCommand command = new DeviceCommand(UUID.randomUUID(), DeviceCommand.SCHEMA_VERSION, "acme", "u1",
                Instant.now(), UUID.randomUUID(), UUID.randomUUID(), DeviceType.VEHICLE, "v-late", CommandKind.START,
                null, null, null);
        run(() -> pool.preparedQuery("""
                insert into device_command (command_id, action_id, client_id, user_id, device_type, device_id, kind,
                    status, oem_command_id, received_at)
                values ($1, $2, 'acme', 'u1', 'vehicle', 'v-late', 'START', 'ACCEPTED', 'oem-1', now())""")
                .execute(Tuple.of(command.commandId(), command.actionId())));

        assertThat(run(() -> Panache.withTransaction(
                () -> ledger.concluded(command, CommandOutcome.REJECTED, "OEM failed the command: first")))).isTrue();
        assertThat(run(() -> Panache.withTransaction(
                () -> ledger.concluded(command, CommandOutcome.FAILED, "OEM failed the command: second")))).isFalse();
        Row row = run(() -> pool.preparedQuery("select status, reason from device_command where command_id = $1")
                .execute(Tuple.of(command.commandId()))).iterator().next();
        assertThat(row.getString("status") + " / " + row.getString("reason"))
                .isEqualTo("REJECTED / OEM failed the command: first");
    }
}
