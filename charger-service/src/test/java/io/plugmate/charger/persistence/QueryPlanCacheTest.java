package io.plugmate.charger.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.domain.PlugSessions;
import io.plugmate.charger.service.ChargerSessionService;
import io.plugmate.messaging.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every charger reading is placed among its plug sessions (the sessions it can touch, by HQL; the readings since, a
 * native select): they cost one cached query plan each, not a new one per reading (see service-messaging's
 * NativeSelect).
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    ChargerSessionService chargerSessions;

    @Test
    void placingReadingsMakesNoNewPlan() throws Throwable {
        ChargerEntity charger = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Instant start = Instant.parse("2026-12-01T18:00:00Z");

        assertThat(QueryPlans.plannedAgain(sessions, 5, n -> chargerSessions.place(charger,
                new PlugSessions.Reading(start.plusSeconds(60L * n), true, 100.0 + n)))).isEmpty();
    }
}
