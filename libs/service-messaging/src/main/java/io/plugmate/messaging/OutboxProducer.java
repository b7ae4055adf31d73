package io.plugmate.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * The relay's producer: durable (acks=all) and idempotent, so retries neither lose nor reorder records of a key. It
 * connects with the service's one {@code kafka.*} configuration (bootstrap servers, TLS, SASL), like every other Kafka
 * client of the service.
 * <p>
 * {@code KafkaProducer.send} blocks its caller while it has no metadata for the topic (up to {@code max.block.ms}): with
 * the broker down that was the Vert.x event loop, frozen for a minute at a time (no API, no health answers). Sends
 * therefore run on this producer's own thread, in the order given, and a batch stops at the first sign that the broker
 * is away instead of blocking once per record.
 */
@ApplicationScoped
class OutboxProducer {

    static final int BATCH_BYTES = 256 * 1024;

    private final KafkaProducer<String, String> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "plugmate-outbox-sender");
        thread.setDaemon(true);
        return thread;
    });

    OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxConfig outbox) {
        this.producer = new KafkaProducer<>(config(kafkaConfig, outbox.sendBlock()), new StringSerializer(),
                new StringSerializer());
    }

    /** The service's connection settings, with the relay's delivery guarantees on top (they are not negotiable). */
    static Map<String, Object> config(Map<String, Object> kafkaConfig, Duration sendBlock) {
        Map<String, Object> config = DurableProducerConfig.of(kafkaConfig, "plugmate-outbox-relay");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) sendBlock.toMillis());
        // a round hands the producer up to batch-size records at once: 2,000 state events are ~1-1.5 MB, ~90 of Kafka's
        // default 16 KiB batches, and a request carries one batch per partition with at most 5 requests in flight, so
        // with a state topic's 6 partitions a round waited for about three waves of requests to the broker. With 256
        // KiB a partition's share of a round is one batch, and the round one or two requests in flight together (a
        // request stays within max.request.size, 1 MiB; buffer.memory's 32 MiB still hold 128 open batches)
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        return config;
    }

    /** What became of one record of a batch. */
    record Outcome(boolean acknowledged, Throwable failure) {

        static final Outcome NOT_SENT = new Outcome(false, null);

        /** A failure that says something about the record itself (too large, bad topic), not about the broker. */
        boolean refused() {
            return failure != null && !(failure instanceof RetriableException);
        }

        boolean unreachable() {
            return failure instanceof RetriableException;
        }
    }

    /**
     * Sends the records in order on the sender thread and completes once each has an outcome. A record refused at once
     * holds back the later records of its key (they stay for the next round, so a key keeps its order); a broker that
     * cannot be reached ends the batch.
     */
    CompletableFuture<List<Outcome>> send(List<ProducerRecord<String, String>> records) {
        return CompletableFuture.supplyAsync(() -> sendInOrder(records), sender)
                .thenCompose(acks -> CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .handle((ignored, failure) -> acks.stream().map(OutboxProducer::outcome).toList()));
    }

    private List<CompletableFuture<Outcome>> sendInOrder(List<ProducerRecord<String, String>> records) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        Set<String> heldKeys = new HashSet<>();
        boolean unreachable = false;
        for (ProducerRecord<String, String> record : records) {
            String lane = record.key() == null ? null : record.topic() + '\u0000' + record.key();
            if (unreachable || (lane != null && heldKeys.contains(lane))) {
                outcomes.add(CompletableFuture.completedFuture(Outcome.NOT_SENT));
                continue;
            }
            CompletableFuture<Outcome> ack = new CompletableFuture<>();
            try {
                producer.send(record, (metadata, failure) -> ack.complete(new Outcome(failure == null, failure)));
            } catch (RuntimeException e) {
                ack.complete(new Outcome(false, e));
            }
            // a failure reported during send itself (no metadata in time, record too large) is known now
            Outcome now = ack.getNow(null);
            if (now != null && now.failure() != null) {
                unreachable = now.unreachable();
                if (lane != null) {
                    heldKeys.add(lane);
                }
            }
            outcomes.add(ack);
        }
        return outcomes;
    }

    private static Outcome outcome(CompletableFuture<Outcome> ack) {
        return Objects.requireNonNullElse(ack.getNow(null), Outcome.NOT_SENT);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        sender.shutdownNow();
    }
}
