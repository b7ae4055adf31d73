package io.plugmate.statistics;

import java.util.UUID;
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

    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any of the service's consumers has processed the event. */
    public static boolean processed(UUID eventId) {
        return count("select count(*) from processed_event where event_id = '" + eventId + "'") > 0;
    }

    /** How many of the events any consumer has processed. */
    public static long processedCount(java.util.List<UUID> eventIds) {
        String in = eventIds.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
        return count("select count(distinct event_id) from processed_event where event_id in (" + in + ")");
    }

    public static long count(String sql) {
        return inSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql).getSingleResult())
                .map(n -> ((Number) n).longValue()));
    }
}
