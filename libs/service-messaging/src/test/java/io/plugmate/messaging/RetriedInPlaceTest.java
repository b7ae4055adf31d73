package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.testinfra.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

@QuarkusTest
class RetriedInPlaceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void aRecordMeetingALockTimeoutIsRetriedInPlaceAndOnlyPoisonIsDeadLettered() throws Throwable {
        Note note = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Note.of("waiting").persist()));
        DeviceRemoved valid = new DeviceRemoved(UUID.randomUUID(), 1, "acme", "u1", Instant.now(), DeviceType.VEHICLE,
                note.id.toString());

        // another transaction holds the note's row lock: every attempt of the consumer times out on it (SQLSTATE 55P03)
        SqlConnection holder = pool.getConnection().await().atMost(WAIT);
        Transaction held = holder.begin().await().atMost(WAIT);
        holder.query("select * from note where id = " + note.id + " for update").execute().await().atMost(WAIT);
        int before = RetryProbeConsumer.ATTEMPTS.get();
        KafkaTestClient.send("retry-probe", "u1", EventJson.write(valid));
        await().atMost(WAIT).until(() -> RetryProbeConsumer.ATTEMPTS.get() >= before + 3);
        held.commit().await().atMost(WAIT);
        holder.close().await().atMost(WAIT);

        // the same key after it: once the poison is in the DLQ, the valid record before it has been settled
        KafkaTestClient.send("retry-probe", "u1", "not json");
        try (KafkaTestClient.Reader dlq = KafkaTestClient.reader("retry-probe-dlq")) {
            await().atMost(WAIT).until(() -> !dlq.poll().isEmpty());
            assertThat(dlq.poll()).extracting(ConsumerRecord::value).containsExactly("not json");
            assertThat(KafkaTestClient.header(dlq.poll().getFirst(), "dead-letter-reason")).isNotBlank();
        }
        Note applied = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Note.<Note> findById(note.id)));
        assertThat(applied.text).isEqualTo("applied " + valid.eventId());
    }
}
