package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The statements run per record or per tick must each cost one cached plan, not a new entry in Hibernate's query plan
 * cache per call (Hibernate Reactive 3.2 misses on every native select: see {@link NativeSelect}). Each is called again
 * with other values and batch sizes, and the cache must neither miss nor grow.
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Inbox inbox;
    @Inject
    CommandLedger ledger;

    @Test
    void aBatchOfAnySizeMakesNoNewPlan() throws Throwable {
        assertNoNewPlan(n -> inbox.firstDeliveries("plans", ids(n)));
    }

    @Test
    void theCommandRoundsMakeNoNewPlan() throws Throwable {
        assertNoNewPlan(n -> ledger.due(DeviceType.VEHICLE, Instant.now(), Instant.now().plusSeconds(n), n));
        assertNoNewPlan(n -> ledger.accepted(DeviceType.CHARGER, n));
    }

    @Test
    void aNativeSelectSeesTheTransactionsOwnUnflushedChanges() throws Throwable {
        String text = "unflushed-" + UUID.randomUUID();
        NativeSelect count = NativeSelect.of("select count(*) from note where text = :text");
        Object seen = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> Note.of(text).persist().chain(() -> count.with("text", text).value())));
        assertThat(((Number) seen).longValue()).isEqualTo(1);
    }

    private void assertNoNewPlan(IntFunction<Uni<?>> call) throws Throwable {
        Statistics statistics = sessions.getStatistics();
        assertThat(statistics.isStatisticsEnabled()).as("quarkus.hibernate-orm.statistics in the test profile").isTrue();
        inTransaction(call, 1); // the first call may make the plans
        long missed = statistics.getQueryPlanCacheMissCount();
        for (int n = 2; n <= 6; n++) {
            inTransaction(call, n);
        }
        assertThat(statistics.getQueryPlanCacheMissCount() - missed).isZero();
    }

    private static void inTransaction(IntFunction<Uni<?>> call, int n) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> call.apply(n)));
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
