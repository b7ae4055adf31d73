package io.plugmate.charger.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.Announcements;
import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.SimulatorGrant;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.oem.WebhookRegistrar;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Charger-native sessions: ChargerSessionRecorded on charging-sessions (key userId), once per plug session. */
@QuarkusTest
class ChargerSessionsTest {

    private static final String SECRET = "test-only-webhook-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    WebhookRegistrar registrar;

    /** One signed charger.state delivery (a new delivery id each time, as the OEM's duplicates have). */
    private static void report(ChargerEntity c, Instant observedAt, boolean pluggedIn, double meterKwh) {
        String body = """
                {"deliveryId":"d","event":"charger.state","vendor":"EASEE","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r-%s","chargerId":"%s","vendor":"EASEE","observedAt":"%s","isPluggedIn":%s,
                 "isCharging":%s,"chargeRateKw":%s,"maxCurrentA":16,"energyMeterKwh":%s}}"""
                .formatted(observedAt, observedAt.getEpochSecond(), c.vendorChargerId, observedAt, pluggedIn, pluggedIn,
                        pluggedIn ? 7.2 : 0.0, meterKwh);
        given().contentType("application/json").header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Oem-Signature", WebhookSignature.header(SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/oem/easee/webhooks").then().statusCode(200);
    }

    private static List<ChargerSessionRecorded> sessions(KafkaTestClient.Reader reader, String chargerId) {
        return reader.poll().stream().map(r -> EventJson.read(r.value(), ChargerSessionRecorded.class))
                .filter(e -> e.chargerId().equals(chargerId)).toList();
    }

    @Test
    void aPlugSessionIsPublishedOnceWithTheMeterAtPlugInAndUnplugDespiteLateAndDuplicateReports() {
        String userId = "user-" + UUID.randomUUID();
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), userId);
        Instant t = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);

        report(c, t, true, 100.0);
        report(c, t, true, 100.0); // the same report delivered twice
        report(c, t.plus(Duration.ofMinutes(10)), true, 103.0);
        report(c, t.minus(Duration.ofMinutes(2)), true, 99.5); // late: the cable went in two minutes earlier
        report(c, t.plus(Duration.ofMinutes(60)), false, 110.0); // unplugged: the session is over
        report(c, t.plus(Duration.ofMinutes(30)), true, 106.0); // late, from inside the session
        report(c, t.plus(Duration.ofMinutes(45)), false, 108.0); // late and odd, inside the published session
        report(c, t.plus(Duration.ofMinutes(60)), false, 110.0); // duplicate of the unplug
        report(c, t.minus(Duration.ofMinutes(5)), false, 99.5); // late, from before the session
        // the next session of the same charger, after everything above on the same key (userId), so in order
        report(c, t.plus(Duration.ofMinutes(120)), true, 110.0);
        report(c, t.plus(Duration.ofMinutes(150)), false, 115.25);

        try (var reader = KafkaTestClient.reader(Topics.CHARGING_SESSIONS)) {
            await().atMost(PATIENCE).until(() -> sessions(reader, c.id.toString()).stream()
                    .anyMatch(s -> s.meterStartKwh() == 110.0));
            List<ChargerSessionRecorded> published = sessions(reader, c.id.toString());
            assertThat(published).hasSize(2);
            ChargerSessionRecorded first = published.getFirst();
            assertThat(first.startedAt()).isEqualTo(t.minus(Duration.ofMinutes(2)));
            assertThat(first.endedAt()).isEqualTo(t.plus(Duration.ofMinutes(60)));
            assertThat(first.meterStartKwh()).isEqualTo(99.5);
            assertThat(first.meterStopKwh()).isEqualTo(110.0);
            assertThat(first.energyKwh()).isEqualTo(10.5);
            assertThat(first.vendor()).isEqualTo("EASEE");
            assertThat(first.clientId()).isEqualTo(c.clientId);
            assertThat(first.userId()).isEqualTo(userId);
            ChargerSessionRecorded second = published.get(1);
            assertThat(second.startedAt()).isEqualTo(t.plus(Duration.ofMinutes(120)));
            assertThat(second.energyKwh()).isEqualTo(5.25);
            assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
            assertThat(reader.poll()).filteredOn(r -> r.value().contains(c.id.toString()))
                    .allSatisfy(r -> assertThat(r.key()).isEqualTo(userId));
        }
    }

    @Test
    void aPlugInReportedOnlyAfterItsUnplugIsStillOneSession() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Instant t = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

        report(c, t.plus(Duration.ofMinutes(40)), false, 204.0); // arrives first
        report(c, t, true, 200.0); // late
        report(c, t.plus(Duration.ofMinutes(20)), true, 202.0); // late, inside

        try (var reader = KafkaTestClient.reader(Topics.CHARGING_SESSIONS)) {
            await().atMost(PATIENCE).until(() -> !sessions(reader, c.id.toString()).isEmpty());
            assertThat(sessions(reader, c.id.toString())).singleElement().satisfies(s -> {
                assertThat(s.startedAt()).isEqualTo(t);
                assertThat(s.endedAt()).isEqualTo(t.plus(Duration.ofMinutes(40)));
                assertThat(s.energyKwh()).isEqualTo(4.0);
            });
        }
    }

    /**
     * Issue 13: OEMs date reports to the second. A plug-in and the unplug reported in the same second (in that order of
     * arrival, so the charger's state is unplugged) are a session that ended as it began, not one left open.
     */
    @Test
    void aPlugInAndItsUnplugInTheSameSecondAreAClosedSession() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        report(c, t, true, 300.0);
        report(c, t, false, 300.0);

        try (var reader = KafkaTestClient.reader(Topics.CHARGING_SESSIONS)) {
            await().atMost(PATIENCE).until(() -> !sessions(reader, c.id.toString()).isEmpty());
            assertThat(sessions(reader, c.id.toString())).singleElement().satisfies(s -> {
                assertThat(s.startedAt()).isEqualTo(t);
                assertThat(s.endedAt()).isEqualTo(t);
                assertThat(s.energyKwh()).isEqualTo(0.0);
            });
        }
        given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then()
                .body("chargeState.isPluggedIn", equalTo(false));
    }

    /**
     * Not the same as the one above (docs/adr/0018, amendment of session 11): there no plug state before the second is
     * known (the reports are older than the charger's state). Here the charger was unplugged in the second before, so an
     * unplugged report after the plug-in of one second is a read from before the plug-in: the session it opened stays
     * open, and ends at the real unplug.
     */
    @Test
    void aReadFromBeforeAPlugInInTheSameSecondLeavesItsSessionOpen() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Instant t = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);

        report(c, t.minusSeconds(1), false, 400.0);
        report(c, t, true, 400.0);
        report(c, t, false, 400.0); // the poller's read from before the plug-in, taken after its push
        report(c, t.plusSeconds(30), true, 401.0);
        report(c, t.plusSeconds(120), false, 402.0);

        try (var reader = KafkaTestClient.reader(Topics.CHARGING_SESSIONS)) {
            await().atMost(PATIENCE).until(() -> sessions(reader, c.id.toString()).stream()
                    .anyMatch(s -> s.endedAt().equals(t.plusSeconds(120))));
            assertThat(sessions(reader, c.id.toString())).singleElement().satisfies(s -> {
                assertThat(s.startedAt()).isEqualTo(t);
                assertThat(s.energyKwh()).isEqualTo(2.0);
            });
        }
    }

    /** The whole path: a car plugged into a simulated wallbox for an hour, its signed pushes, the session out. */
    @Test
    void aSessionInTheSimulatedWorldCarriesTheMeterTheWallboxMeasured() {
        String receiver = "http://localhost:" + RestAssured.port + "/oem/zapline/webhooks";
        registrar.ensureRegistered("ZAPLINE", receiver, SECRET).await().atMost(Duration.ofSeconds(10));
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
        Announcements.linked(clientId, grant);
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                .get("/users/" + grant.userId() + "/chargers").then().extract().jsonPath().getList("data").size() == 1);
        String chargerId = given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + grant.userId() + "/chargers")
                .then().extract().path("data[0].id");
        String oemCharger = grant.household().getString("chargers[0].id");
        String oemVehicle = grant.household().getString("vehicles[0].id");
        double meterBefore = simulatorMeter(oemCharger);

        sandbox("/sandbox/vehicles/" + oemVehicle + "/plug", "{\"chargerId\":\"" + oemCharger + "\"}");
        sandbox("/sandbox/time/advance", "{\"duration\":\"PT1H\"}");
        sandbox("/sandbox/vehicles/" + oemVehicle + "/unplug", null);
        sandbox("/sandbox/time/advance", "{\"duration\":\"PT2M\"}");
        double meterAfter = simulatorMeter(oemCharger);

        try (var reader = KafkaTestClient.reader(Topics.CHARGING_SESSIONS)) {
            await().atMost(PATIENCE).until(() -> !sessions(reader, chargerId).isEmpty());
            ChargerSessionRecorded session = sessions(reader, chargerId).getFirst();
            assertThat(meterAfter).isGreaterThan(meterBefore);
            assertThat(session.meterStartKwh()).isCloseTo(meterBefore, within(0.001));
            assertThat(session.meterStopKwh()).isCloseTo(meterAfter, within(0.001));
            assertThat(Duration.between(session.startedAt(), session.endedAt()))
                    .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
            assertThat(session.vendor()).isEqualTo("ZAPLINE");
        }
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers/" + chargerId).then()
                .body("chargeState.isPluggedIn", equalTo(false));
    }

    private static double simulatorMeter(String oemCharger) {
        return given().baseUri(SimulatorGrant.url()).get("/sandbox/chargers/" + oemCharger).then().statusCode(200)
                .extract().jsonPath().getDouble("energyMeterKwh");
    }

    private static void sandbox(String path, String body) {
        var request = given().baseUri(SimulatorGrant.url()).contentType("application/json");
        (body == null ? request : request.body(body)).post(path).then().statusCode(200);
    }
}
