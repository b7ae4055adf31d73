package io.plugmate.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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

    // one statement per batch whatever its size: the ids travel as one array parameter
    private static final NativeSelect RECORD_ALL = NativeSelect.of("""
            insert into processed_event (consumer, event_id)
            select cast(:consumer as text), unnest(cast(:ids as uuid[]))
            on conflict do nothing returning event_id
            """);

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
     * {@link #firstDelivery} for a batch of records, in one statement inside the caller's transaction.
     *
     * @return the ids this consumer sees for the first time; the others are redeliveries, which must change nothing
     */
    public Uni<Set<UUID>> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        UUID[] ids = eventIds.stream().distinct().toArray(UUID[]::new);
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Inbox.firstDeliveries needs an active transaction"))
                .chain(transaction -> RECORD_ALL.with("consumer", consumer).with("ids", ids).list())
                .map(inserted -> {
                    Set<UUID> first = new HashSet<>();
                    inserted.forEach(row -> first.add((UUID) row[0]));
                    return first;
                });
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
