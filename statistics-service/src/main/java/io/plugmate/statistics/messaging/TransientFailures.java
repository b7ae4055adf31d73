package io.plugmate.statistics.messaging;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Failures that say nothing about the record: the database was unreachable, restarted, or gave up on a lock or a
 * serialisation conflict. A record that met one is retried in place (with back-off) instead of being dead-lettered —
 * it would succeed a moment later, and dead-lettering it would lose the input. Everything else (the record itself
 * is bad, or the rules refuse it) goes to the DLQ.
 */
public final class TransientFailures {

    /** SQLSTATE classes and codes worth retrying: connection, resources, operator intervention, conflicts. */
    private static final Set<String> CLASSES = Set.of("08", "53", "57");
    private static final Set<String> CODES = Set.of("40001", "40P01", "55P03");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                return CLASSES.contains(state.substring(0, Math.min(2, state.length()))) || CODES.contains(state);
            }
            if (t instanceof ClosedConnectionException || t instanceof IOException
                    || t instanceof ClosedChannelException || t instanceof TimeoutException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (t instanceof VertxException && (message.contains("closed") || message.contains("connection"))) {
                return true;
            }
        }
        return false;
    }
}
