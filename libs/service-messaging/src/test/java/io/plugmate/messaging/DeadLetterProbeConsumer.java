package io.plugmate.messaging;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

/**
 * SharedDeadLetterQueueTest's consumer of two channels, retried in place as the services' consumers are: a record
 * starting with {@code poison} is poison (with a cause), one starting with {@code transient} fails twice for another
 * reason and is then applied, any other is applied at once.
 */
@ApplicationScoped
public class DeadLetterProbeConsumer {

    static final Queue<String> APPLIED = new ConcurrentLinkedQueue<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    @Incoming("dead-letter-probe-a")
    @Incoming("dead-letter-probe-b")
    @RetriedInPlace
    public Uni<Void> consume(String record) {
        if (record.startsWith("poison")) {
            return Uni.createFrom().failure(new IllegalArgumentException("poison record " + record,
                    new NumberFormatException("not a number: " + record)));
        }
        if (record.startsWith("transient")
                && FAILURES.computeIfAbsent(record, r -> new AtomicInteger()).incrementAndGet() <= 2) {
            return Uni.createFrom().failure(new IllegalStateException("passing failure of " + record));
        }
        APPLIED.add(record);
        return Uni.createFrom().voidItem();
    }
}
