package io.plugmate.benchmarks.load;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Reports written straight onto {@code vehicle-state} / {@code charger-state}, as the device services write them. */
final class TopicIntake implements Intake {

    private final Fleet fleet;
    private final KafkaProducer<String, String> producer;
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();

    TopicIntake(Fleet fleet, KafkaProducer<String, String> producer) {
        this.fleet = fleet;
        this.producer = producer;
    }

    @Override
    public void send(long n, long due, Instant dueInstant) {
        producer.send(fleet.report(n, dueInstant), (metadata, error) -> {
            if (error == null) {
                acked.increment();
            } else {
                failed.increment();
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public long accepted() {
        return acked.sum();
    }

    @Override
    public long failed() {
        return failed.sum();
    }

    @Override
    public Histogram answers() {
        return null;
    }

    @Override
    public void close() {
        // the producer is the run's
    }
}
