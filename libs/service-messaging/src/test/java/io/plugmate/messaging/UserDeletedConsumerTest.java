package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.events.UserDeleted;
import io.plugmate.testinfra.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class UserDeletedConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static List<String> notes(String... texts) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> Note.<Note> list("text in ?1", List.of(texts)))).stream().map(n -> n.text).toList();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static long commandsOf(String clientId, String userId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from device_command where client_id = :c and user_id = :u",
                        Long.class).setParameter("c", clientId).setParameter("u", userId).getSingleResult())));
    }

    private static void command(String clientId, String userId) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                        insert into device_command (command_id, client_id, user_id, device_type, device_id, kind, status,
                        received_at) values (:id, :c, :u, 'VEHICLE', 'v1', 'START', 'ACCEPTED', now())""")
                        .setParameter("id", UUID.randomUUID()).setParameter("c", clientId).setParameter("u", userId)
                        .executeUpdate())));
    }

    /** Kafka's client loads its metrics reporter through the context class loader, which the awaits above change. */
    private static void send(String value) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaTestClient.class.getClassLoader());
        try {
            KafkaTestClient.send(Topics.USERS, "u1", value);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aUserDeletedErasesThatUserOfThatClientOnceAndPoisonGoesToTheDlq() throws Throwable {
        String client = "client-" + UUID.randomUUID();
        String gone = client + ":u1";
        String kept = client + ":u2";
        String otherClients = "other-" + client + ":u1";
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Note.of(gone).persist()
                .chain(() -> Note.of(kept).persist()).chain(() -> Note.of(otherClients).persist())));
        command(client, "u1");
        command(client, "u2");
        UserDeleted deleted = new UserDeleted(UUID.randomUUID(), 1, client, "u1", Instant.now());

        send(EventJson.write(deleted));
        await().atMost(WAIT).until(() -> notes(gone).isEmpty());

        assertThat(notes(gone, kept, otherClients)).containsExactlyInAnyOrder(kept, otherClients);
        assertThat(commandsOf(client, "u1")).isZero();
        assertThat(commandsOf(client, "u2")).isEqualTo(1);

        // a redelivery changes nothing (a note written since with the same text stays); a UserDeleted without a user,
        // or no event at all, is poison
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Note.of(gone).persist()));
        send(EventJson.write(deleted));
        send(EventJson.write(new UserDeleted(UUID.randomUUID(), 1, client, null,
                Instant.now())));
        try (KafkaTestClient.Reader dlq = KafkaTestClient.reader(Topics.dlq(Topics.USERS))) {
            await().atMost(WAIT).until(() -> !dlq.poll().isEmpty());
            ConsumerRecord<String, String> poison = dlq.poll().getFirst();
            assertThat(KafkaTestClient.header(poison, Topics.DLQ_REASON_HEADER)).contains("without userId");
        }
        assertThat(notes(gone)).containsExactly(gone);
    }
}
