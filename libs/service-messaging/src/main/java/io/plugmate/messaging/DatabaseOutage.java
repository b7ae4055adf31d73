package io.plugmate.messaging;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Whether a failure means the database is away (unreachable, shutting down, starting, out of connections) rather than
 * a bug or a refused statement, and the log of an outage: one ERROR when the first request meets it, DEBUG for every
 * further one, one INFO with the count when a request gets through again (issue 13 point 8: ~70 ERROR lines per
 * service for one outage drowned the log).
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    /** SQLSTATE classes: connection exception, insufficient resources, operator intervention (shutdown, starting). */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57");

    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong refused = new AtomicLong();

    /**
     * The database could not be reached or did not serve us: a connection refused, reset or closed, a timeout, or
     * SQLSTATE class 08, 53 or 57 anywhere in the cause chain (Hibernate and Vert.x wrap the driver's). A constraint
     * violation, a syntax error or any other SQLSTATE is not an outage.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if (state != null) {
                return UNAVAILABLE_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
            }
            if (t instanceof ClosedConnectionException || t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof VertxException && (message.contains("closed") || message.contains("connection"))) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of a driver exception, or null. */
    static String sqlState(Throwable t) {
        return t instanceof PgException pg ? pg.getSqlState() : t instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /** A request met the outage: ERROR for the first of an outage, DEBUG for the rest. */
    public void met(Throwable failure, String what) {
        refused.incrementAndGet();
        if (since.compareAndSet(null, Instant.now())) {
            LOG.errorf("database unavailable (%s); %s answered 503 with Retry-After until it answers again, logged "
                    + "once: %s", what, what, failure.toString());
        } else {
            LOG.debugf("database still unavailable (%s): %s", what, failure.toString());
        }
    }

    /** A request got through: if an outage was logged, it is over. */
    public void reachable() {
        Instant began = since.getAndSet(null);
        if (began != null) {
            LOG.infof("database reachable again (unavailable since %s; %d request(s) answered 503 meanwhile)", began,
                    refused.getAndSet(0));
        }
    }
}
