package io.plugmate.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.plugmate.events.EventJson;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;

/**
 * Reads {@code pair-events} from its end as they come and records, for every activation and deactivation, the time
 * from the event's {@code occurredAt} (the intended send time of the report it was decided on, see {@link Fleet}) to
 * its arrival here: the platform-added latency, queueing behind a backlog included (an open model: a report sent late
 * because the generator fell behind still counts from when it was due).
 */
final class PairEventListener implements AutoCloseable {

    /** Microseconds, up to an hour, three significant digits. */
    private final Recorder latency = new Recorder(3_600_000_000L, 3);
    private final LongAdder established = new LongAdder();
    private final LongAdder activated = new LongAdder();
    private final LongAdder deactivated = new LongAdder();
    private final LongAdder other = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    PairEventListener(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer",
                StringDeserializer.class.getName(), "enable.auto.commit", "false"));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAIR_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("pair-events").daemon().start(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        take(record.value(), Instant.now());
                    }
                }
            }
        });
    }

    private void take(String value, Instant arrived) {
        PlugmateEvent event;
        try {
            event = EventJson.read(value, PlugmateEvent.class);
        } catch (RuntimeException e) {
            other.increment();
            return;
        }
        switch (event) {
            case PairEstablished e -> established.increment();
            case PairActivated e -> {
                activated.increment();
                record(e.occurredAt(), arrived);
            }
            case PairDeactivated e -> {
                deactivated.increment();
                record(e.occurredAt(), arrived);
            }
            default -> other.increment();
        }
    }

    private void record(Instant occurredAt, Instant arrived) {
        long micros = Math.max(0, Duration.between(occurredAt, arrived).toNanos() / 1000);
        latency.recordValue(Math.min(micros, 3_600_000_000L));
    }

    /** The latencies recorded since the last call. */
    Histogram interval() {
        return latency.getIntervalHistogram();
    }

    long established() {
        return established.sum();
    }

    /** Activations and deactivations so far. */
    long transitions() {
        return activated.sum() + deactivated.sum();
    }

    long activated() {
        return activated.sum();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
