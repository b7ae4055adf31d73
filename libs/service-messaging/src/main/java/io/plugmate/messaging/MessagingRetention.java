package io.plugmate.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps this library's tables from growing for ever (issue 13 point 6): every {@code interval} it deletes inbox marks,
 * settled commands and parked outbox rows older than their window ({@link RetentionConfig}), a bounded batch per table
 * and round. Sent outbox rows need nothing: the relay deletes each one once acknowledged.
 */
@ApplicationScoped
public class MessagingRetention {

    private static final Logger LOG = Logger.getLogger(MessagingRetention.class);

    private final Pool pool;
    private final Vertx vertx;
    private final RetentionConfig config;
    private volatile Long timer;

    MessagingRetention(Pool pool, Vertx vertx, RetentionConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.interval().isZero()) {
            timer = vertx.setPeriodic(config.interval().toMillis(), id -> purgeOnce().subscribe().with(
                    purged -> LOG.debugf("messaging retention: %d row(s) deleted", purged),
                    failure -> LOG.warnf("messaging retention failed; next round in %s: %s", config.interval(),
                            failure.toString())));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round; returns how many rows were deleted. */
    public Uni<Integer> purgeOnce() {
        Instant now = Instant.now();
        return delete("""
                delete from processed_event where ctid in (
                    select ctid from processed_event where processed_at < $1 limit $2)""",
                now.minus(config.processedEvents()))
                .chain(inbox -> delete("""
                        delete from device_command where ctid in (
                            select ctid from device_command
                            where status not in ('SENDING', 'ACCEPTED') and received_at < $1 limit $2)""",
                        now.minus(config.commands())).map(commands -> inbox + commands))
                .chain(sofar -> delete("""
                        delete from outbox_event where ctid in (
                            select ctid from outbox_event where parked_at < $1 limit $2)""",
                        now.minus(config.parkedEvents())).map(parked -> sofar + parked));
    }

    private Uni<Integer> delete(String sql, Instant before) {
        return pool.preparedQuery(sql).execute(Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC),
                config.batchSize())).map(rows -> rows.rowCount());
    }
}
