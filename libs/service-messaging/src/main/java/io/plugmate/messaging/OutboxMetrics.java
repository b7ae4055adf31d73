package io.plugmate.messaging;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The outbox as an operator watches it (issue 14 point 5): events waiting to be published, events parked after
 * repeated failures, and how long the oldest waiting one has waited — a relay that cannot reach the broker shows as a
 * growing age long before anyone misses an event. One query every 15 s on the reactive pool, off every request path;
 * Prometheus reads the last values ({@code plugmate_outbox_waiting}, {@code plugmate_outbox_parked},
 * {@code plugmate_outbox_oldest_seconds}). Two counters say how this instance's relay works the outbox off:
 * {@code plugmate_outbox_published_total} events and the {@code plugmate_outbox_rounds_total} rounds that had rows to
 * send — their quotient is the rows per round, which grows towards {@code batch-size} when the relay is behind.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final long REFRESH_MILLIS = 15_000;
    private static final String QUERY = """
            select count(*) filter (where parked_at is null),
                   count(*) filter (where parked_at is not null),
                   coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0)::float8
            from outbox_event""";

    private final Pool pool;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    /** Milliseconds, so that one atomic holds it. */
    private final AtomicLong oldestMillis = new AtomicLong();

    private final OutboxRelay relay;

    OutboxMetrics(Pool pool, Vertx vertx, MeterRegistry registry, OutboxRelay relay) {
        this.pool = pool;
        this.vertx = vertx;
        this.registry = registry;
        this.relay = relay;
    }

    void start(@Observes StartupEvent startup) {
        Gauge.builder("plugmate.outbox.waiting", waiting, AtomicLong::get)
                .description("Outbox events not yet published").register(registry);
        Gauge.builder("plugmate.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events parked after repeated failures").register(registry);
        Gauge.builder("plugmate.outbox.oldest", oldestMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest outbox event not yet published").baseUnit("seconds")
                .register(registry);
        FunctionCounter.builder("plugmate.outbox.published", relay, OutboxRelay::published)
                .description("Outbox events this instance's relay published").register(registry);
        FunctionCounter.builder("plugmate.outbox.rounds", relay, OutboxRelay::rounds)
                .description("Rounds of this instance's relay that had events to send").register(registry);
        vertx.setPeriodic(REFRESH_MILLIS, id -> refresh());
    }

    void refresh() {
        pool.query(QUERY).execute().subscribe().with(rows -> {
            Row row = rows.iterator().next();
            waiting.set(row.getLong(0));
            parked.set(row.getLong(1));
            oldestMillis.set(Math.round(row.getDouble(2) * 1000));
        }, failure -> LOG.debugf("outbox metrics not refreshed: %s", failure.getMessage()));
    }
}
