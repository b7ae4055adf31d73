package io.plugmate.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps tables from growing for ever (issue 13 point 6): every {@code interval} ({@link RetentionConfig}) it deletes
 * the rows past their window — this library's inbox marks, settled commands and parked outbox rows, and every
 * {@link RetentionRule} the service declares (observations, webhook deliveries, link sessions, pair transitions …).
 * <p>
 * Each statement deletes at most {@code batch-size} rows and commits on its own, so a large backlog never holds a long
 * lock or a long transaction; a rule's batches repeat until one comes back short. Rounds never overlap. Sent outbox
 * rows need nothing: the relay deletes each one once acknowledged.
 */
@ApplicationScoped
public class TableRetention {

    private static final Logger LOG = Logger.getLogger(TableRetention.class);

    private final Pool pool;
    private final Vertx vertx;
    private final RetentionConfig config;
    private final List<RetentionRule> rules = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Long timer;

    TableRetention(Pool pool, Vertx vertx, RetentionConfig config, @Any Instance<RetentionRule> serviceRules) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        rules.add(RetentionRule.olderThan("inbox marks", "processed_event", "processed_at", config.processedEvents()));
        rules.add(RetentionRule.olderThan("settled commands", "device_command", "received_at", config.commands())
                .and("t.status not in ('SENDING', 'ACCEPTED')"));
        rules.add(RetentionRule.olderThan("parked outbox rows", "outbox_event", "parked_at", config.parkedEvents()));
        serviceRules.forEach(rules::add);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.interval().isZero()) {
            timer = vertx.setPeriodic(config.interval().toMillis(), id -> {
                if (running.compareAndSet(false, true)) {
                    purgeOnce().onTermination().invoke(() -> running.set(false)).subscribe().with(
                            purged -> LOG.debugf("retention: %d row(s) deleted", purged),
                            failure -> LOG.warnf("retention failed; next round in %s: %s", config.interval(),
                                    failure.toString()));
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** The rules applied, this library's first. */
    public List<RetentionRule> rules() {
        return List.copyOf(rules);
    }

    /** One round over every rule, one after the other; returns how many rows were deleted. */
    public Uni<Integer> purgeOnce() {
        Instant now = Instant.now();
        return Multi.createFrom().iterable(rules).onItem().transformToUniAndConcatenate(rule -> purge(rule, now))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> purge(RetentionRule rule, Instant now) {
        Tuple parameters = Tuple.of(OffsetDateTime.ofInstant(now.minus(rule.keep()), ZoneOffset.UTC),
                config.batchSize());
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery(rule.deleteBatch()).execute(parameters).map(rows -> rows.rowCount()))
                .whilst(deleted -> deleted == config.batchSize())
                .collect().with(Collectors.summingInt(Integer::intValue))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("retention: %d %s older than %s deleted (%s)", deleted, rule.name(), rule.keep(),
                                rule.table());
                    }
                });
    }
}
