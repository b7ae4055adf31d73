package io.plugmate.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Whether a statement costs one cached query plan or a new one per call (see {@link NativeSelect}), for each
 * service's tests: Hibernate's statistics count the plan cache's misses per query text
 * ({@code quarkus.hibernate-orm.statistics=true} in the test profile).
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * Runs {@code call} once with 1 (it may make its plans), then with 2 … {@code calls} + 1, each in its own
     * transaction on a Vert.x context; a test passes other values (batch sizes, ids) by that number.
     * <p>
     * A statement planned for the first time while this runs (the application's own rounds run meanwhile) is no
     * finding; a statement planned again is: its text missed the cache before, or misses it twice now.
     *
     * @return the texts Hibernate planned again: empty when every statement's plan was cached
     */
    public static List<String> plannedAgain(Mutiny.SessionFactory sessions, int calls, IntFunction<Uni<?>> call)
            throws Throwable {
        Statistics statistics = sessions.getStatistics();
        if (!statistics.isStatisticsEnabled()) {
            throw new IllegalStateException("set quarkus.hibernate-orm.statistics=true in the test profile");
        }
        run(call, 1);
        Map<String, Long> before = misses(statistics);
        for (int n = 2; n <= calls + 1; n++) {
            run(call, n);
        }
        return misses(statistics).entrySet().stream().filter(text -> {
            long earlier = before.getOrDefault(text.getKey(), 0L);
            return text.getValue() > earlier && (earlier > 0 || text.getValue() - earlier > 1);
        }).map(Map.Entry::getKey).sorted().toList();
    }

    private static Map<String, Long> misses(Statistics statistics) {
        Map<String, Long> misses = new HashMap<>();
        Stream.of(statistics.getQueries())
                .forEach(text -> misses.put(text, statistics.getQueryStatistics(text).getPlanCacheMissCount()));
        return misses;
    }

    private static void run(IntFunction<Uni<?>> call, int n) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> call.apply(n)));
    }
}
