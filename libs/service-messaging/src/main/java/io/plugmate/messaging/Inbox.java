package io.plugmate.messaging;

import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Makes a consumer idempotent on eventId: it records the event as processed in the same transaction as the change the
 * event causes, so a redelivered record is recognised and skipped, and a failed one is retried whole.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing
            """;

    /**
     * @return true the first time this consumer sees the event; false for a duplicate, which must change nothing
     */
    public Uni<Boolean> firstDelivery(String consumer, UUID eventId) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Inbox.firstDelivery needs an active transaction (@WithTransaction)"))
                .chain(transaction -> Panache.getSession())
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The whole consumer step, inside the caller's transaction: parse the record (a record that is not a valid
     * {@code type} fails, and the channel's dead-letter strategy sends it to the DLQ with the reason), skip a
     * redelivery, apply a first delivery.
     */
    public <T extends PlugmateEvent> Uni<Void> handleOnce(String consumer, String record, Class<T> type,
            Function<T, Uni<Void>> apply) {
        return Uni.createFrom().item(() -> EventJson.read(record, type))
                .chain(event -> firstDelivery(consumer, event.eventId())
                        .chain(first -> first ? apply.apply(event) : Uni.createFrom().voidItem()));
    }
}
