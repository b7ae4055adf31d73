package io.plugmate.testinfra;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Plain SQL against a service's own database from its tests, with positional parameters ({@code ?1}, {@code ?2}…),
 * through the service's Panache session (Hibernate Reactive needs a Vert.x context): for rows a test must date in the
 * past, and counts no API exposes.
 */
public final class NativeSql {

    private NativeSql() {
    }

    /** Runs an insert, update or delete in its own transaction. */
    public static void execute(String sql, Object... parameters) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        })));
    }

    /** The single number a {@code select count(*) …} answers. */
    public static long count(String sql, Object... parameters) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        })));
    }
}
