package io.plugmate.charger.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.domain.PlugSessions;
import io.plugmate.charger.service.ChargerSessionService;
import io.plugmate.messaging.QueryPlans;
import io.plugmate.testinfra.Statements;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

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

    /**
     * A webhook batch places its chargers' readings together: its sessions and readings are read by one statement text
     * whatever the number of chargers (an HQL {@code in} list would be a text per list size: a parse and a prepared
     * statement each), and no new plan.
     */
    @Test
    void placingBatchesOfAnySizeIsOneTextAndNoNewPlan() throws Throwable {
        List<ChargerEntity> chargers = IntStream.range(0, 7)
                .mapToObj(n -> SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID()))
                .toList();
        Instant start = Instant.parse("2026-12-01T18:00:00Z");
        IntFunction<Uni<?>> placeBatch = n -> chargerSessions.placeAll(chargers.subList(0, n + 1).stream()
                .map(c -> new ChargerSessionService.Placement(c,
                        new PlugSessions.Reading(start.plusSeconds(60L * n), true, 100.0 + n)))
                .toList());

        List<String> sent = Statements.during(() -> {
            try {
                assertThat(QueryPlans.plannedAgain(sessions, 5, placeBatch)).isEmpty();
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        });

        assertThat(sent.stream().filter(text -> text.contains(" from charger_session ")).distinct())
                .as("one text reading the sessions of batches of 1 to 7 chargers").hasSize(1);
        assertThat(sent.stream().filter(text -> text.contains(" join charger_observation ")).distinct())
                .as("one text reading their readings").hasSize(1);
    }
}
