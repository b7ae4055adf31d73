package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

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
}
