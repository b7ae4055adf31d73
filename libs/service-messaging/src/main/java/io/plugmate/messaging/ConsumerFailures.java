package io.plugmate.messaging;

import java.util.Set;

import io.plugmate.events.InvalidEventException;

/**
 * What a failed consumer step says about its record (see {@link RetriedInPlace}). Poison: the record itself cannot be
 * applied ({@link InvalidEventException}: not JSON, no envelope, the wrong type for its topic, required fields
 * missing; or an {@link IllegalArgumentException} the consumer raised about it) — it goes to the DLQ. Everything else
 * is retried in place; {@link #isTransient} only tells the log whether the cause is a known passing one.
 */
public final class ConsumerFailures {

    /** SQLSTATEs that pass besides an outage: serialisation failure, deadlock, lock timeout. */
    private static final Set<String> CONFLICTS = Set.of("40001", "40P01", "55P03");

    private ConsumerFailures() {
    }

    public static boolean isPoison(Throwable failure) {
        return failure instanceof InvalidEventException || failure instanceof IllegalArgumentException;
    }

    /** The poison in the cause chain, if any (a wrapper must not turn poison into a retry), else the failure itself. */
    public static Throwable poisonOr(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isPoison(t)) {
                return t;
            }
        }
        return failure;
    }

    /** The database was unreachable, restarted, or gave up on a lock or a serialisation conflict; a timeout. */
    public static boolean isTransient(Throwable failure) {
        if (DatabaseOutage.isUnavailable(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = DatabaseOutage.sqlState(t);
            if (state != null) {
                return CONFLICTS.contains(state);
            }
        }
        return false;
    }
}
