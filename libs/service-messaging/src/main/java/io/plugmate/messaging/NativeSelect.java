package io.plugmate.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A native SQL statement that returns rows ({@code select …}, {@code … returning …}), run in the caller's session and
 * transaction with one fixed text, past Hibernate's query plan cache.
 * <p>
 * Why not {@code session.createNativeQuery(sql, …).getResultList()}: Hibernate Reactive 3.2 keys a native select's plan
 * by its text and a result-set mapping object that is equal only to itself ({@code ReactiveResultSetMapping} has no
 * {@code equals}), so every execution of any native select — with a result class or without, scalar or entity — misses
 * the plan cache and stores one more plan under the same hash. The cache (2,048 entries) fills with copies of the
 * statement and each lookup walks all of them: the busiest frames of orchestration-service under load in session 8.
 * HQL and native updates ({@code executeUpdate}) are cached correctly and stay with Hibernate. (Hibernate Reactive
 * 4.5 lets a query opt out of plan caching, which would be the fix there.)
 * <p>
 * The statement runs on the session's own connection, so it sees and takes part in the caller's transaction; inside a
 * transaction the session is flushed first, as Hibernate does before a native query. Parameters are written
 * {@code :name}, as for Hibernate, and turned into PostgreSQL's {@code $n} once, here ({@code ::type} casts and quoted
 * literals are left alone); the text the database sees never varies, so Vert.x's prepared-statement cache serves it.
 * Values come back as the PostgreSQL client decodes them: {@code timestamptz} as {@link OffsetDateTime} (see
 * {@link #instant}), {@code uuid} as {@link java.util.UUID}, {@code numeric} as a {@link Number}.
 */
public final class NativeSelect {

    private final String sql;
    private final List<String> parameters;

    private NativeSelect(String sql, List<String> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /** Keep it in a constant: the text is translated once. */
    public static NativeSelect of(String sql) {
        List<String> names = new ArrayList<>();
        StringBuilder translated = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                translated.append("::");
                i++;
                continue;
            } else if (!quoted && c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!names.contains(name)) {
                    names.add(name);
                }
                translated.append('$').append(names.indexOf(name) + 1);
                i = end - 1;
                continue;
            }
            translated.append(c);
        }
        return new NativeSelect(translated.toString(), List.copyOf(names));
    }

    /** The text sent to the database. */
    public String sql() {
        return sql;
    }

    /** A call with its first parameter bound. */
    public Call with(String name, Object value) {
        return new Call().with(name, value);
    }

    /** A call of a statement without parameters. */
    public Call call() {
        return new Call();
    }

    /** One execution's parameter values. */
    public final class Call {

        private final Object[] values = new Object[parameters.size()];
        private final boolean[] bound = new boolean[parameters.size()];

        private Call() {
        }

        /** {@link Instant}s are sent as UTC {@link OffsetDateTime}s (the client's type for {@code timestamptz}). */
        public Call with(String name, Object value) {
            int index = parameters.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no parameter :" + name + " in " + sql);
            }
            values[index] = value instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : value;
            bound[index] = true;
            return this;
        }

        /** Every row, each as its columns' values in select order. */
        public Uni<List<Object[]>> list() {
            for (int i = 0; i < bound.length; i++) {
                if (!bound[i]) {
                    return Uni.createFrom().failure(
                            new IllegalStateException("parameter :" + parameters.get(i) + " not bound in " + sql));
                }
            }
            Object[] arguments = Arrays.copyOf(values, values.length);
            return Panache.currentTransaction().chain(transaction -> Panache.getSession()
                    .chain(session -> (transaction == null ? Uni.createFrom().voidItem() : session.flush())
                            .chain(() -> Uni.createFrom()
                                    .completionStage(() -> connection(session).select(sql, arguments)))))
                    .map(result -> {
                        List<Object[]> rows = new ArrayList<>(result.size());
                        result.forEachRemaining(rows::add);
                        return rows;
                    });
        }

        /** The first column of the first row; null when there is no row (or the value is null). */
        public Uni<Object> value() {
            return list().map(rows -> rows.isEmpty() ? null : rows.getFirst()[0]);
        }
    }

    /** A {@code timestamptz} column's value as an {@link Instant}; null stays null. */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant at -> at;
            case OffsetDateTime at -> at.toInstant();
            case java.time.LocalDateTime at -> at.toInstant(ZoneOffset.UTC);
            case java.util.Date at -> at.toInstant();
            default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass());
        };
    }

    private static org.hibernate.reactive.pool.ReactiveConnection connection(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl reactive) {
            return reactive.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass());
    }
}
