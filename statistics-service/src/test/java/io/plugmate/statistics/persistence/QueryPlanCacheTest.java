package io.plugmate.statistics.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.plugmate.messaging.QueryPlans;
import io.plugmate.statistics.domain.Basis;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every consumed record takes its user's lock and reads the user's samples and pair facts; every statistics request
 * reads the client's withheld chargers. Each of those statements costs one cached query plan, not a new one per call
 * (see service-messaging's NativeSelect).
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final Instant T = Instant.parse("2026-12-01T18:00:00Z");

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    LedgerStore ledger;
    @Inject
    ConsentStore consents;

    @Test
    void aRecordsReadsAndLockMakeNoNewPlan() throws Throwable {
        String client = "client-" + UUID.randomUUID();
        String user = "user-" + UUID.randomUUID();

        assertThat(QueryPlans.plannedAgain(sessions, 5, n -> ledger.lock(client, user, T.plusSeconds(n))
                .chain(() -> ledger.samples(client, Basis.CHARGER_RATE, "charger-" + n, T, T.plusSeconds(n)))
                .chain(() -> ledger.facts(client, user, T.minusSeconds(n)))
                .chain(() -> ledger.activatedSince(client, user, "pair-" + n, T.plusSeconds(n))))).isEmpty();
    }

    @Test
    void aRequestsWithheldChargersMakeNoNewPlan() throws Throwable {
        assertThat(QueryPlans.plannedAgain(sessions, 5, n -> consents.withheld("client-" + n))).isEmpty();
    }
}
