package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
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

    @Test
    void rowsLoadedByIdsAreOneStatementTextForAnyNumberOfIdsUnlikeAnInList() throws Throwable {
        NativeSelect prepared = NativeSelect.of("""
                select statement from pg_prepared_statements where statement like '%from Note n1_0 where n1_0.id%'""");
        List<Object[]> statements = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> {
            Uni<?> loads = Uni.createFrom().voidItem();
            for (int n = 1; n <= 5; n++) {
                Object[] ids = new Object[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = -1L - i;
                }
                List<Object> inList = List.of(ids);
                loads = loads.chain(() -> Panache.getSession().chain(s -> s.find(Note.class, ids)))
                        .chain(() -> Note.list("id in ?1", inList));
            }
            return loads.chain(() -> prepared.call().list());
        }));
        // the multi-load binds one array (id = any($1)); an HQL "in" list has a marker per value, and Hibernate's
        // padding (on in Quarkus) repeats the last numbered marker, so each size still is a text of its own
        List<String> texts = statements.stream().map(row -> (String) row[0]).toList();
        assertThat(texts).filteredOn(text -> text.contains("any")).hasSize(1);
        assertThat(texts).filteredOn(text -> text.contains(" in (")).hasSize(5);
    }

    private void assertNoNewPlan(IntFunction<Uni<?>> call) throws Throwable {
        assertThat(QueryPlans.plannedAgain(sessions, 5, call)).isEmpty();
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
