package io.plugmate.messaging;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.plugmate.events.InvalidEventException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * What a failed consumer step says about its record (see {@link RetriedInPlace}). Poison: the record itself cannot be
 * applied ({@link InvalidEventException}: not JSON, no envelope, the wrong type for its topic, required fields
 * missing; or an {@link IllegalArgumentException} the consumer raised about it) — it goes to the DLQ. Everything else
 * is retried in place; {@link #isTransient} only tells the log whether the cause is a known passing one.
 */
public final class ConsumerFailures {

    /** SQLSTATE classes and codes that pass: connection, resources, operator intervention, conflicts, lock timeouts. */
    private static final Set<String> CLASSES = Set.of("08", "53", "57");
    private static final Set<String> CODES = Set.of("40001", "40P01", "55P03");

    private ConsumerFailures() {
    }

    public static boolean isPoison(Throwable failure) {
        return failure instanceof InvalidEventException || failure instanceof IllegalArgumentException;
    }

    /** The poison in the cause chain, if any (a wrapper must not turn poison into a retry), else the failure itself. */
    static Throwable poisonOr(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isPoison(t)) {
                return t;
            }
        }
        return failure;
    }

    /** The database was unreachable, restarted, or gave up on a lock or a serialisation conflict; a timeout. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null; // Hibernate wraps the driver's
            if (state != null) {
                return CLASSES.contains(state.substring(0, Math.min(2, state.length()))) || CODES.contains(state);
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
}
