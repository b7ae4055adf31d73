package io.plugmate.charger.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.device.WebhookBatches;
import io.plugmate.device.WebhookConfig;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.Statements;
import io.plugmate.testinfra.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Issue 14: the CPU of a webhook is the reactive stack around each statement, so the statements one webhook sends are
 * pinned here (counted, not timed). A reading of a charger whose cable stays in: the delivery recorded, the charger's
 * copies locked, one statement writing the observation, the charger's state and its event (device-kit's
 * ObservationWrite), and the sessions and readings the reading is placed among — five; it was eight (the observation,
 * the outbox row and Hibernate's update of the whole row one each, the earliest open session's start a select of its
 * own). Opening a session adds its insert, closing one its update and its event.
 * <p>
 * Deliveries waiting together share one transaction (device-kit's WebhookBatches): one statement records all of them,
 * one reads and locks every charger they name, one writes each charger's first reading of the batch, then each
 * charger's sessions are placed — one BEGIN and COMMIT, one charger lookup and one write for the batch. A charger's
 * later readings in the batch read its row again (it is locked already) and are written one by one after: the first
 * worked its values out on the copy read up front.
 */
@QuarkusTest
class WebhookStatementsTest {

    /** How device-kit's ObservationWrite begins: the rows it writes, as arrays. */
    private static final String OBSERVATIONS = "with report as materialized ( select * from unnest(";

    @TestHTTPResource("/oem/easee/webhooks")
    URI webhooks;

    @Inject
    WebhookBatches batches;

    @Inject
    WebhookConfig config;

    private static List<String> deliver(ChargerEntity c, Instant observedAt, boolean plugged, double meter) {
        String body = WaitingDeliveries.body(c, observedAt, plugged, meter);
        return Statements.during(() -> given().contentType("application/json")
                .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Oem-Signature", WebhookSignature.header(WaitingDeliveries.SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/oem/easee/webhooks").then().statusCode(200).body("chargersUpdated", equalTo(1)));
    }

    private static Consumer<String> startsWith(String prefix) {
        return s -> assertThat(s).startsWith(prefix);
    }

    @Test
    void aReadingIsFiveStatementsAndOpeningOrClosingASessionOneOrTwoMore() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        Consumer<String> delivery = s -> assertThat(s).startsWith(WaitingDeliveries.RECORD).contains("unnest");
        Consumer<String> charger = s -> assertThat(s).startsWith("select").contains(" from charger ")
                .contains("for no key update");
        Consumer<String> write = s -> assertThat(s).startsWith(OBSERVATIONS).contains("insert into charger_observation")
                .contains("update charger d set").contains("insert into outbox_event");
        Consumer<String> sessions = s -> assertThat(s).startsWith("select").contains(" from charger_session ");
        Consumer<String> readings = s -> assertThat(s).startsWith("select").contains(" join charger_observation ");

        assertThat(deliver(c, t, true, 100)).as("the cable goes in: a session opens").satisfiesExactly(delivery,
                charger, write, sessions, readings, startsWith("insert into charger_session"));
        assertThat(deliver(c, t.plusSeconds(60), true, 101)).as("the cable stays in").satisfiesExactly(delivery,
                charger, write, sessions, readings);
        assertThat(deliver(c, t.plusSeconds(120), false, 102)).as("the cable comes out: the session is recorded")
                .satisfiesExactly(delivery, charger, write, sessions, readings, startsWith("update charger_session"),
                        startsWith("insert into outbox_event"));
        given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then()
                .body("chargeState.isPluggedIn", equalTo(false)).body("isReachable", equalTo(true));
    }

    /**
     * A charger's plug-in, a reading and its unplug waiting together with another charger's reading: one transaction,
     * both chargers read and locked by one statement (the first charger's two later readings read it again), and the
     * session the three make is recorded as if they had come one by one (each delivery's session rows are written and
     * let go before the next reads them afresh).
     */
    @Test
    void readingsWaitingTogetherAreOneTransactionAndPlaceTheirSessions() throws Throwable {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        ChargerEntity other = SeededChargers.seed("client-" + UUID.randomUUID(), "bob");
        Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();

        List<String> sent;
        try (var waiting = WaitingDeliveries.behindBusySlots(webhooks, batches, config.batches().inFlight())) {
            answers.add(waiting.queue(WaitingDeliveries.body(c, t, true, 100)));
            answers.add(waiting.queue(WaitingDeliveries.body(other, t, true, 500)));
            answers.add(waiting.queue(WaitingDeliveries.body(c, t.plusSeconds(60), true, 101)));
            answers.add(waiting.queue(WaitingDeliveries.body(c, t.plusSeconds(120), false, 102)));
            sent = Statements.during(() -> {
                waiting.release();
                answers.forEach(WaitingDeliveries::answer);
            });
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(WaitingDeliveries.answer(answer).statusCode()).isEqualTo(200);
            assertThat(WaitingDeliveries.answer(answer).body()).contains("\"chargersUpdated\":1");
        });
        assertThat(sent).as("one transaction for the waiting readings").filteredOn(s -> s.startsWith(WaitingDeliveries.RECORD))
                .hasSize(1);
        List<String> lookups = sent.stream().filter(s -> s.startsWith("select") && s.contains(" from charger ")
                && s.contains("for no key update")).toList();
        assertThat(lookups).as("both chargers in one lookup, the first charger's later readings read again")
                .hasSize(3).filteredOn(s -> s.contains("unnest")).hasSize(1);
        assertThat(lookups.getFirst()).contains("unnest");
        assertThat(sent).as("both chargers' first readings in one write, the first charger's later ones one each")
                .filteredOn(s -> s.startsWith(OBSERVATIONS)).hasSize(3 + config.batches().inFlight());
        List<Object[]> sessions = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache
                .getSession().chain(s -> s.createNativeQuery("select meter_start_kwh, meter_stop_kwh, ended_at from "
                        + "charger_session where charger_id = :id", Object[].class).setParameter("id", c.id)
                        .getResultList())));
        assertThat(sessions).singleElement().satisfies(row -> {
            assertThat(((Number) row[0]).doubleValue()).isEqualTo(100.0);
            assertThat(((Number) row[1]).doubleValue()).isEqualTo(102.0);
            assertThat(row[2]).isNotNull();
        });
    }

    /**
     * Three chargers' readings waiting together: one opens a session, one closes the session opened before the batch,
     * one opens another. Their sessions are read in one statement and their readings in another (not two per reading),
     * and each charger's sessions are what its reading alone would make.
     */
    @Test
    void chargersWaitingTogetherArePlacedWithOneReadOfSessionsAndOneOfReadings() throws Throwable {
        ChargerEntity opens = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        ChargerEntity closes = SeededChargers.seed("client-" + UUID.randomUUID(), "bob");
        ChargerEntity alsoOpens = SeededChargers.seed("client-" + UUID.randomUUID(), "carol");
        Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        deliver(closes, t.minusSeconds(600), true, 40);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();

        List<String> sent;
        try (var waiting = WaitingDeliveries.behindBusySlots(webhooks, batches, config.batches().inFlight())) {
            answers.add(waiting.queue(WaitingDeliveries.body(opens, t, true, 100)));
            answers.add(waiting.queue(WaitingDeliveries.body(closes, t, false, 52)));
            answers.add(waiting.queue(WaitingDeliveries.body(alsoOpens, t, true, 7)));
            sent = Statements.during(() -> {
                waiting.release();
                answers.forEach(WaitingDeliveries::answer);
            });
        }

        assertThat(answers).allSatisfy(answer -> assertThat(WaitingDeliveries.answer(answer).body())
                .contains("\"chargersUpdated\":1"));
        int held = config.batches().inFlight();
        assertThat(sent).as("one read of the three chargers' sessions, and one of each held batch")
                .filteredOn(s -> s.startsWith("select") && s.contains(" from charger_session ")).hasSize(1 + held);
        assertThat(sent).as("one read of the three chargers' readings, and one of each held batch")
                .filteredOn(s -> s.startsWith("select") && s.contains(" join charger_observation ")).hasSize(1 + held);
        assertThat(sessionsOf(opens)).singleElement().satisfies(row -> {
            assertThat(((Number) row[0]).doubleValue()).isEqualTo(100.0);
            assertThat(row[1]).isNull();
        });
        assertThat(sessionsOf(closes)).singleElement().satisfies(row -> {
            assertThat(((Number) row[0]).doubleValue()).isEqualTo(40.0);
            assertThat(((Number) row[1]).doubleValue()).isEqualTo(52.0);
        });
        assertThat(sessionsOf(alsoOpens)).singleElement().satisfies(row -> {
            assertThat(((Number) row[0]).doubleValue()).isEqualTo(7.0);
            assertThat(row[1]).isNull();
        });
    }

    /** Each session's meter at start and at stop (null while open). */
    private static List<Object[]> sessionsOf(ChargerEntity c) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select meter_start_kwh, meter_stop_kwh from charger_session "
                        + "where charger_id = :id", Object[].class).setParameter("id", c.id).getResultList())));
    }
}
