package io.plugmate.commons.database;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Whether a failure means the database is away (unreachable, shutting down, starting, out of connections) rather than
 * a bug or a refused statement. Pure, so that which exceptions count is a plain unit test; {@link DatabaseOutage} logs
 * an outage, the problem mappers answer 503 for it.
 */
public final class DatabaseFailures {

    /** SQLSTATE classes: connection exception, insufficient resources, operator intervention (shutdown, starting). */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57");

    private DatabaseFailures() {
    }

    /**
     * The database could not be reached or did not serve us: a connection refused, reset or closed, a timeout (also
     * waiting for a pooled connection), or SQLSTATE class 08, 53 or 57 anywhere in the cause chain (Hibernate and
     * Vert.x wrap the driver's). A constraint violation, a syntax error or any other SQLSTATE is not an outage: the
     * first SQLSTATE found in the chain decides.
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
            // the pool's "Timeout waiting for connection", "Connection is closed", "Pool closed"
            if (t instanceof VertxException && (message.contains("closed") || message.contains("connection"))) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of a driver exception (Vert.x or JDBC), or null. */
    public static String sqlState(Throwable t) {
        return t instanceof DatabaseException db ? db.getSqlState()
                : t instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
