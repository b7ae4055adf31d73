package io.plugmate.messaging;

import java.time.Duration;

/**
 * A table that is kept only for a while: rows of {@code table} matching {@code deletable} (alias {@code t}; {@code $1}
 * is the cutoff, now minus {@code keep}) are deleted by {@link TableRetention}. A service declares its own as CDI beans
 * ({@code @Produces @Singleton RetentionRule …}); the condition should be served by an index on its time column.
 *
 * @param name for the log, e.g. "observations"
 * @param table the table's name (trusted: a constant of the service's, never input)
 * @param deletable SQL condition on {@code t}, e.g. {@code "t.received_at < $1"}
 * @param keep how long a row stays at least
 */
public record RetentionRule(String name, String table, String deletable, Duration keep) {

    /** Rows whose {@code column} is older than {@code keep}. */
    public static RetentionRule olderThan(String name, String table, String column, Duration keep) {
        return new RetentionRule(name, table, "t." + column + " < $1", keep);
    }

    /** The same rule, its rows deletable only where {@code condition} (on {@code t}) holds too. */
    public RetentionRule and(String condition) {
        return new RetentionRule(name, table, deletable + " and " + condition, keep);
    }

    /** One batch: at most {@code $2} rows, by their physical address, so no statement holds locks for long. */
    String deleteBatch() {
        return "delete from " + table + " where ctid in (select t.ctid from " + table + " t where " + deletable
                + " limit $2)";
    }
}
