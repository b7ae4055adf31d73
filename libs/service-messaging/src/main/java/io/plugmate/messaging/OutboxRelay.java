package io.plugmate.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * Moves committed outbox rows to Kafka, oldest first, and deletes each once the broker acknowledged it (acks=all,
 * idempotent producer): at-least-once, which the consumers' {@link Inbox} turns into exactly-once effects. One instance
 * drains at a time (advisory lock), so events of one key leave in the order they were committed. Sending happens on
 * the producer's own thread ({@link OutboxProducer}): the timer that starts a round runs on the event loop.
 * <p>
 * A round is few statements on a connection of its own, whatever its size: {@code begin}, one {@link #CLAIM} (the lock
 * and up to {@code batch-size} rows), the whole batch handed to the producer and its acknowledgements awaited together,
 * one {@code delete … = any($1)} for every acknowledged row, {@code commit}. Under load each statement's answer waits
 * its turn on an event loop busy with the service's requests, and a connection from the shared pool waited behind
 * them too: a round's time hardly depends on its size, so a backlog is worked off by large rounds (2,000 rows), not by
 * more of them (session 10: with 200-row rounds, each on a connection from the pool, the two device services' relays
 * together put 658–813 events/s on the topics while their intake took 1,000–1,696 webhooks/s).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long DRAIN_LOCK = 7243004;

    /**
     * The lock and the oldest waiting rows in one statement, with a row saying whether the lock was had (then no row of
     * the outbox is read: PostgreSQL tests {@code drain.held} once, before the scan). The round commits without waiting
     * for its WAL to reach the disk ({@code synchronous_commit} off for this transaction only): what it commits is
     * deletions of rows already sent and the attempts of refused ones, so a database crash can only bring back rows
     * that are then sent again — the at-least-once the consumers' inbox absorbs — and never loses one (the rows
     * themselves were committed by their writers with the usual durability).
     */
    static final String CLAIM = """
            with drain as materialized (
                select pg_try_advisory_xact_lock($1) as held,
                       set_config('synchronous_commit', 'off', true) as commit_mode)
            select drain.held, e.sequence, e.topic, e.message_key, e.payload
            from drain left join lateral (
                select sequence, topic, message_key, payload from outbox_event
                where drain.held and parked_at is null order by sequence limit $2) e on true
            order by e.sequence""";

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final OutboxProducer producer;
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Rounds that had rows to send, and the rows they published: rows per round for the operator (OutboxMetrics). */
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private volatile Long timerId;
    /** Set at shutdown: a round in progress finishes, no further round of {@link #drainWhileFull} starts. */
    private volatile boolean stopping;
    private volatile Instant failingSince;
    /** What kept the last round from reaching the broker; null when it did (or had nothing to send). */
    private volatile Throwable unreachable;
    /**
     * The relay's own connection, taken from the pool at the first round and kept: a round does not queue for a
     * connection behind the requests of a busy service. Between rounds it holds no transaction and no lock (the lock is
     * the transaction's); after a failed round it goes back to the pool and the next round takes another.
     */
    private volatile SqlConnection connection;

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
            stopping = true;
            vertx.cancelTimer(timerId);
            try {
                // rounds share the relay's connection: the last drain starts once no round is in progress
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                boolean idle = draining.compareAndSet(false, true);
                while (!idle && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                    idle = draining.compareAndSet(false, true);
                }
                if (idle) {
                    int sent = drainAll().await().atMost(Duration.ofSeconds(10));
                    LOG.infof("outbox drained at shutdown: %d event(s) published", sent);
                } else {
                    // that round holds the lock: a drain beside it would have found nothing to do
                    LOG.warn("outbox not drained at shutdown: a round was still sending after 5 s; what it could not "
                            + "delete stays and goes out at next start");
                }
            } catch (RuntimeException e) {
                LOG.warnf("outbox not fully drained at shutdown; the rows stay and go out at next start: %s",
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while draining the outbox at shutdown; the rows stay and go out at next start");
            }
        }
        release();
    }

    /**
     * Drains until the outbox is empty; for shutdown and for tests that run with the timer off. Like every round, not
     * to be called while another round of this relay is in progress (they share its connection).
     */
    public Uni<Integer> drainAll() {
        return drainOnce().chain(sent -> sent == 0 ? Uni.createFrom().item(0) : drainAll().map(more -> sent + more));
    }

    /** @return how many events this call published (0 when empty or when another instance holds the lock) */
    public Uni<Integer> drainOnce() {
        return connection().chain(own -> own.begin().chain(transaction -> drainLocked(own)
                .call(transaction::commit)
                .invoke(sent -> published.addAndGet(sent))
                .onFailure().call(() -> transaction.rollback().onFailure().recoverWithNull())))
                .onFailure().invoke(this::release);
    }

    /** Since when publishing has been failing; null while healthy. */
    Instant failingSince() {
        return failingSince;
    }

    /** Rounds that had rows to send, since start. */
    long rounds() {
        return rounds.get();
    }

    /** Events published (acknowledged and deleted), since start. */
    long published() {
        return published.get();
    }

    private Uni<SqlConnection> connection() {
        SqlConnection held = connection;
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        return pool.getConnection().invoke(taken -> {
            connection = taken;
            // a connection the server or the network closed is not used again
            taken.closeHandler(() -> {
                if (connection == taken) {
                    connection = null;
                }
            });
        });
    }

    /** Back to the pool: after a failed round (rolled back, so it carries no lock), and at shutdown. */
    private void release() {
        SqlConnection held = connection;
        connection = null;
        if (held != null) {
            held.close().subscribe().with(ignored -> {
            }, failure -> LOG.debugf("outbox relay's connection not closed cleanly: %s", failure.getMessage()));
        }
    }

    /**
     * Rounds one after another while each publishes a full batch: a backlog drains as fast as the rounds go, not one
     * batch per tick (at 200 a batch and a tick of 100 ms, that capped the relay at 2,000 events/s, and at less once a
     * round took longer than a tick). A round that is not full — the outbox empty, a refusal, the broker away — ends it.
     */
    Uni<Integer> drainWhileFull() {
        return drainOnce().chain(sent -> sent < config.batchSize() || unreachable != null || stopping
                ? Uni.createFrom().item(sent)
                : drainWhileFull().map(more -> sent + more));
    }

    private void tick() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        drainWhileFull().onTermination().invoke(() -> draining.set(false)).subscribe().with(
                sent -> {
                    if (unreachable == null && failingSince != null) {
                        LOG.infof("outbox relay publishing again after failing since %s", failingSince);
                        failingSince = null;
                    } else if (unreachable != null) {
                        failing(unreachable);
                    }
                },
                this::failing);
    }

    private void failing(Throwable failure) {
        // one line when the trouble starts, not one per tick
        if (failingSince == null) {
            failingSince = Instant.now();
            LOG.warnf("outbox relay cannot publish; retrying every %s: %s", config.pollInterval(), failure.toString());
        }
    }

    /**
     * One batch, oldest first. Each acknowledged record is deleted, whatever became of the others (a record that fails
     * must neither hold back the rest nor have them sent again). A record the broker refuses for itself counts an
     * attempt and is parked after {@code max-attempts}; one that could not reach the broker stays as it was.
     */
    private Uni<Integer> drainLocked(SqlConnection connection) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(DRAIN_LOCK, config.batchSize()))
                .chain(rows -> {
                    List<Long> sequences = new ArrayList<>();
                    List<ProducerRecord<String, String>> records = new ArrayList<>();
                    boolean held = false;
                    for (Row row : rows) {
                        held = row.getBoolean("held");
                        if (row.getValue("sequence") != null) {
                            sequences.add(row.getLong("sequence"));
                            records.add(new ProducerRecord<>(row.getString("topic"), row.getString("message_key"),
                                    row.getString("payload")));
                        }
                    }
                    if (!held) {
                        // another instance is draining: nothing learnt about the broker
                        return Uni.createFrom().item(0);
                    }
                    if (records.isEmpty()) {
                        unreachable = null;
                        return Uni.createFrom().item(0);
                    }
                    rounds.incrementAndGet();
                    return Uni.createFrom().completionStage(producer.send(records))
                            .chain(outcomes -> settle(connection, sequences, outcomes));
                });
    }

    private Uni<Integer> settle(SqlConnection connection, List<Long> sequences, List<OutboxProducer.Outcome> outcomes) {
        List<Long> acknowledged = new ArrayList<>();
        List<Tuple> refused = new ArrayList<>();
        Throwable away = null;
        for (int i = 0; i < sequences.size(); i++) {
            OutboxProducer.Outcome outcome = outcomes.get(i);
            if (outcome.acknowledged()) {
                acknowledged.add(sequences.get(i));
            } else if (outcome.refused()) {
                refused.add(Tuple.of(sequences.get(i), outcome.failure().toString()));
            } else if (outcome.unreachable()) {
                away = outcome.failure();
            }
        }
        unreachable = away;
        Uni<?> deleted = acknowledged.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("delete from outbox_event where sequence = any($1)")
                        .execute(Tuple.of(acknowledged.toArray(Long[]::new)));
        return deleted.chain(() -> refused.isEmpty() ? Uni.createFrom().voidItem() : countAttempts(connection, refused))
                .replaceWith(acknowledged.size());
    }

    private Uni<Void> countAttempts(SqlConnection connection, List<Tuple> refused) {
        return connection.preparedQuery("""
                update outbox_event set attempts = attempts + 1, last_error = $2,
                    parked_at = case when attempts + 1 >= $3 then now() end
                where sequence = $1 returning sequence, topic, event_id, attempts, parked_at""")
                .executeBatch(refused.stream().map(t -> t.addInteger(config.maxAttempts())).toList())
                .invoke(rows -> {
                    for (var result = rows; result != null; result = result.next()) {
                        for (Row row : result) {
                            if (row.getValue("parked_at") != null) {
                                LOG.errorf("outbox event %s (sequence %d) for %s parked after %d refused attempts; "
                                        + "it stays in outbox_event with the reason and is no longer sent",
                                        row.getUUID("event_id"), row.getLong("sequence"), row.getString("topic"),
                                        row.getInteger("attempts"));
                            }
                        }
                    }
                })
                .replaceWithVoid();
    }
}
