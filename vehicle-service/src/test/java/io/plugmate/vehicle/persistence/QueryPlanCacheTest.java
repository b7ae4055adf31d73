package io.plugmate.vehicle.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.plugmate.device.AccountDirectory;
import io.plugmate.device.UnlinkedDevices;
import io.plugmate.messaging.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The native selects run per request or per round (the user lookup of an erasure, the revocation, re-sync and poll
 * claims, an account sync's tombstones) each cost one cached query plan, not a new one per call (see service-messaging's
 * NativeSelect). The claims take no row (limit 0): the statement runs, nothing changes.
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    UserRepository users;
    @Inject
    GrantRevocationRepository revocations;
    @Inject
    VehicleRepository vehicles;
    @Inject
    AccountDirectory accounts;
    @Inject
    UnlinkedDevices unlinked;

    @Test
    void theNativeSelectsMakeNoNewPlanWhenCalledAgain() throws Throwable {
        assertThat(QueryPlans.plannedAgain(sessions, 5, n -> users.known("plans-client", "user-" + n))).isEmpty();
        assertThat(QueryPlans.plannedAgain(sessions, 5, n -> revocations.claimDue(LONG_AGO, LONG_AGO.plusSeconds(n), 0)))
                .isEmpty();
        assertThat(QueryPlans.plannedAgain(sessions, 5,
                n -> vehicles.claimQuiet(LONG_AGO, LONG_AGO, LONG_AGO.plusSeconds(n), 0))).isEmpty();
        assertThat(QueryPlans.plannedAgain(sessions, 5, n -> accounts.claimDue(LONG_AGO, LONG_AGO.plusSeconds(n), 0)))
                .isEmpty();
        assertThat(QueryPlans.plannedAgain(sessions, 5, n -> unlinked.of("plans-client", "VENDOR_" + n))).isEmpty();
    }
}
