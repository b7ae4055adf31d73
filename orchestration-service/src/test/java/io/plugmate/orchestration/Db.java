package io.plugmate.orchestration;

import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Straight looks into the service's database from test code (Hibernate Reactive needs a Vert.x context). */
public final class Db {

    private Db() {
    }

    public static <T> T inSession(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        return inSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql).getSingleResult())
                .map(n -> ((Number) n).longValue()));
    }

    /** Whether any of the service's consumers has processed the event. */
    public static boolean processed(java.util.UUID eventId) {
        return count("select count(*) from processed_event where event_id = '" + eventId + "'") > 0;
    }

    /** For DDL a test needs (e.g. to make the database fail for a while). */
    public static void execute(String sql) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> Panache.getSession().chain(s -> s.createNativeQuery(sql).executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
