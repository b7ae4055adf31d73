package io.plugmate.messaging;

import java.util.List;
import java.util.UUID;

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
    // the rows are inserted in the arrays' order, so their sequence (the relay's send order) follows the list's
    private static final NativeSelect INSERT_ALL = NativeSelect.of("""
            insert into outbox_event (topic, message_key, event_id, event_type, payload)
            select e.topic, e.message_key, e.event_id, e.event_type, e.payload
            from unnest(cast(:topics as text[]), cast(:keys as text[]), cast(:eventIds as uuid[]),
                    cast(:eventTypes as text[]), cast(:payloads as text[]))
                with ordinality as e(topic, message_key, event_id, event_type, payload, position)
            order by e.position
            """);

    /** One event for {@link #publishAll}: its topic, its partition key and the event. */
    public record Entry(String topic, String key, PlugmateEvent event) {
    }

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

    /**
     * {@link #publish} for several events in one statement, whatever their number (one text, the rows as arrays): each
     * statement costs the caller more CPU than its rows (issue 14). The rows are written in the list's order, which is
     * the order the relay sends them in — events of one key keep the order they are given in. Nothing is written for
     * an empty list.
     */
    public Uni<Void> publishAll(List<Entry> entries) {
        int n = entries.size();
        String[] topics = new String[n];
        String[] keys = new String[n];
        UUID[] eventIds = new UUID[n];
        String[] eventTypes = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Entry entry = entries.get(i);
            topics[i] = entry.topic();
            keys[i] = entry.key();
            eventIds[i] = entry.event().eventId();
            eventTypes[i] = entry.event().type();
            payloads[i] = EventJson.write(entry.event());
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.publishAll needs an active transaction (@WithTransaction)"))
                .chain(transaction -> n == 0 ? Uni.createFrom().voidItem()
                        : INSERT_ALL.with("topics", topics).with("keys", keys).with("eventIds", eventIds)
                                .with("eventTypes", eventTypes).with("payloads", payloads).list().replaceWithVoid());
    }
}
