package io.plugmate.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Publishes an event only if the caller's transaction commits: the event is written to the outbox table in that same
 * transaction, and {@link OutboxRelay} sends committed rows to Kafka in order. Never publish straight to Kafka after a
 * persist — a crash in between loses the event, and a rollback after it publishes a lie.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (topic, message_key, event_id, event_type, payload)
            values (:topic, :messageKey, :eventId, :eventType, :payload)
            """;

    /** Must run inside the caller's {@code @WithTransaction}; fails otherwise rather than publish outside one. */
    public Uni<Void> publish(String topic, String key, PlugmateEvent event) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.publish needs an active transaction (@WithTransaction)"))
                .chain(transaction -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("topic", topic)
                        .setParameter("messageKey", key)
                        .setParameter("eventId", event.eventId())
                        .setParameter("eventType", event.type())
                        .setParameter("payload", EventJson.write(event))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
