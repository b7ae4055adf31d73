package io.plugmate.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them only once the broker acknowledged them
 * (acks=all, idempotent producer): at-least-once, which the consumers' {@link Inbox} turns into exactly-once effects.
 * One instance drains at a time (advisory lock), so events of one key leave in the order they were committed.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long DRAIN_LOCK = 7243004;

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final OutboxProducer producer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Long timerId;
    private volatile Instant failingSince;

    OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, OutboxProducer producer) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.producer = producer;
    }

    void start(@Observes @Priority(20) StartupEvent startup) {
        if (config.relayEnabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
        }
    }

    /**
     * Graceful shutdown: stop the timer, let a round still sending finish (it holds the drain lock, and a drain
     * meanwhile would find nothing to do), then publish whatever is committed so far.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId != null) {
            vertx.cancelTimer(timerId);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (draining.get() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                int sent = drainAll().await().atMost(Duration.ofSeconds(10));
                LOG.infof("outbox drained at shutdown: %d event(s) published", sent);
            } catch (RuntimeException e) {
                LOG.warnf("outbox not fully drained at shutdown; the rows stay and go out at next start: %s",
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while draining the outbox at shutdown; the rows stay and go out at next start");
            }
        }
    }

    /** Drains until the outbox is empty; for shutdown and for tests that run with the timer off. */
    public Uni<Integer> drainAll() {
        return drainOnce().chain(sent -> sent == 0 ? Uni.createFrom().item(0) : drainAll().map(more -> sent + more));
    }

    /** @return how many events this call published (0 when empty or when another instance holds the lock) */
    public Uni<Integer> drainOnce() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(DRAIN_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean(0) ? drainLocked(connection)
                        : Uni.createFrom().item(0)));
    }

    /** Since when publishing has been failing; null while healthy. */
    Instant failingSince() {
        return failingSince;
    }

    private void tick() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        drainOnce().onTermination().invoke(() -> draining.set(false)).subscribe().with(
                sent -> {
                    if (failingSince != null) {
                        LOG.infof("outbox relay publishing again after failing since %s", failingSince);
                        failingSince = null;
                    }
                },
                failure -> {
                    // one line when the trouble starts, not one per tick
                    if (failingSince == null) {
                        failingSince = Instant.now();
                        LOG.warnf(failure, "outbox relay cannot publish; retrying every %s", config.pollInterval());
                    }
                });
    }

    private Uni<Integer> drainLocked(SqlConnection connection) {
        return connection.preparedQuery(
                "select sequence, topic, message_key, payload from outbox_event order by sequence limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Long> sequences = new ArrayList<>();
                    List<CompletableFuture<?>> acks = new ArrayList<>();
                    for (Row row : rows) {
                        sequences.add(row.getLong("sequence"));
                        acks.add(producer.send(new ProducerRecord<>(row.getString("topic"),
                                row.getString("message_key"), row.getString("payload"))));
                    }
                    if (sequences.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                            .chain(() -> connection.preparedQuery("delete from outbox_event where sequence = any($1)")
                                    .execute(Tuple.of(sequences.toArray(Long[]::new))))
                            .replaceWith(sequences.size());
                });
    }
}
