package io.plugmate.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * What every consumer of record batches does alike (pairing-service's state topics, vehicle-service's
 * {@code charger-state}): a batch is applied in one transaction (or a few) without its poison records, which are
 * dead-lettered one by one, with their reasons, once the rest is committed.
 */
public final class RecordBatches {

    private static final Logger LOG = Logger.getLogger(RecordBatches.class);

    private RecordBatches() {
    }

    /**
     * The items whose event this consumer sees for the first time ({@code first}: the ids {@link Inbox#firstDeliveries}
     * returned), in their order; a repeat within the batch is a redelivery too.
     */
    public static <T> List<T> firstDeliveries(List<T> items, Function<T, UUID> eventId, Set<UUID> first) {
        Set<UUID> pending = new HashSet<>(first);
        return items.stream().filter(item -> pending.remove(eventId.apply(item))).toList();
    }

    /**
     * Once the rest is committed: each refused record nacked alone, in the map's order (the channel's failure strategy
     * sends it to its DLQ with the reason), then the batch acknowledged.
     */
    public static Uni<Void> settle(KafkaRecordBatch<String, String> batch,
            Map<KafkaRecord<String, String>, Throwable> refused) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (var record : refused.entrySet()) {
            done = done.chain(() -> Uni.createFrom().completionStage(record.getKey().nack(record.getValue())));
        }
        return done.chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /**
     * A poison-looking failure no record was named for is a fault of ours, not of a record: were it poison, the channel
     * would send the whole batch to the DLQ. Retried in place instead (the partition waits), without its cause, which
     * would again read as poison.
     */
    public static Uni<Void> retriedWhole(Uni<Void> batch) {
        return batch.onFailure(failure -> ConsumerFailures.isPoison(ConsumerFailures.poisonOr(failure)))
                .transform(failure -> {
                    LOG.error("a batch failed without naming the record at fault; it is retried whole", failure);
                    return new IllegalStateException("a batch failed without naming the record at fault: " + failure);
                });
    }
}
