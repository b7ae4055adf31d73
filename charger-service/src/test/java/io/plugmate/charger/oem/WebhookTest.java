package io.plugmate.charger.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class WebhookTest {

    private static final String SECRET = "test-only-webhook-secret-0123456789";

    private static String body(ChargerEntity c, Instant observedAt, double kw, String event) {
        return """
                {"deliveryId":"d","event":"%s","vendor":"EASEE","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r","chargerId":"%s","vendor":"EASEE","observedAt":"%s","isPluggedIn":true,
                 "isCharging":true,"chargeRateKw":%s,"maxCurrentA":16,"energyMeterKwh":1234.5}}"""
                .formatted(event, observedAt, c.vendorChargerId, observedAt, kw);
    }

    private static ValidatableResponse deliver(String deliveryId, String body, String signature) {
        return given().contentType("application/json").header("X-Oem-Delivery-Id", deliveryId)
                .header("X-Oem-Signature", signature).body(body).post("/oem/easee/webhooks").then();
    }

    private static String sign(String body) {
        return WebhookSignature.header(SECRET, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ChargerStateObserved> events(KafkaTestClient.Reader reader, ChargerEntity c) {
        return reader.poll().stream().filter(r -> r.value().contains(c.id.toString()))
                .map(r -> EventJson.read(r.value(), ChargerStateObserved.class)).toList();
    }

    @Test
    void signedReportsUpdateTheChargerAndLateOnesNeverRollItBack() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        Instant t = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        String newer = body(c, t, 11.0, "charger.state");
        String older = body(c, t.minusSeconds(120), 3.3, "charger.state");

        try (var reader = KafkaTestClient.reader(Topics.CHARGER_STATE)) {
            deliver(UUID.randomUUID().toString(), newer, sign(newer)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), older, sign(older)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), newer, sign(newer)).statusCode(200)
                    .body("chargersUpdated", equalTo(0));

            given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then()
                    .body("chargeState.chargeRate", equalTo(11.0f))
                    .body("chargeState.powerDeliveryState", equalTo("PLUGGED_IN:CHARGING"));
            await().atMost(Duration.ofSeconds(30)).until(() -> events(reader, c).size() == 2);
            assertThat(events(reader, c)).extracting(ChargerStateObserved::observedAt)
                    .containsExactly(t, t.minusSeconds(120));
        }
    }

    /**
     * Issue 13: OEMs date reports to the second, so a command carried out in the second of a plug change makes the
     * charger report twice in it. The second, different report is no duplicate: both are published in arrival order and
     * the later one is the charger's state; the same report again is one. (The charger was plugged in before that
     * second: had it been unplugged, "plugged in, not charging" would be the second's change and a later "unplugged" a
     * read from before it, {@link #aReadFromBeforeAPlugInInTheSameSecondDoesNotUndoThePlugIn}.)
     */
    @Test
    void twoDifferentReportsInTheSameSecondAreBothPublishedAndTheLaterIsTheState() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        Instant t = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        String charging = body(c, t.minusSeconds(1), 11.0, "charger.state");
        String notCharging = body(c, t, 0.0, "charger.state").replace("\"isCharging\":true", "\"isCharging\":false");
        String unplugged = notCharging.replace("\"reportId\":\"r\"", "\"reportId\":\"r2\"")
                .replace("\"isPluggedIn\":true", "\"isPluggedIn\":false");
        String unpluggedAgain = unplugged.replace("\"deliveryId\":\"d\"", "\"deliveryId\":\"d-again\"");

        try (var reader = KafkaTestClient.reader(Topics.CHARGER_STATE)) {
            deliver(UUID.randomUUID().toString(), charging, sign(charging)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), notCharging, sign(notCharging)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), unplugged, sign(unplugged)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), unpluggedAgain, sign(unpluggedAgain)).statusCode(200)
                    .body("result", equalTo("accepted")).body("chargersUpdated", equalTo(0));

            given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then()
                    .body("chargeState.isPluggedIn", equalTo(false));
            await().atMost(Duration.ofSeconds(30)).until(() -> events(reader, c).size() >= 3);
            assertThat(events(reader, c)).extracting(ChargerStateObserved::observedAt).containsExactly(t.minusSeconds(1),
                    t, t);
            assertThat(events(reader, c)).extracting(ChargerStateObserved::isPluggedIn).containsExactly(true, true,
                    false);
        }
    }

    /**
     * docs/adr/0018, amendment of session 11: the charger was unplugged; in one second it reports the plug-in, then a
     * state read from before it ("unplugged", the poller's answer taken before the push). The read goes before the
     * plug-in, as pairing orders it: the charger stays plugged in — none of the read's fields is taken — and the read is
     * still published as reported. A report of the next second is the state as always.
     */
    @Test
    void aReadFromBeforeAPlugInInTheSameSecondDoesNotUndoThePlugIn() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        Instant t = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String pluggedIn = body(c, t, 7.0, "charger.state");
        String readBefore = body(c, t, 0.0, "charger.state").replace("\"isPluggedIn\":true", "\"isPluggedIn\":false")
                .replace("\"isCharging\":true", "\"isCharging\":false");
        String unplugged = readBefore.replace(t + "\",\"isPluggedIn", t.plusSeconds(1) + "\",\"isPluggedIn");

        try (var reader = KafkaTestClient.reader(Topics.CHARGER_STATE)) {
            deliver(UUID.randomUUID().toString(), pluggedIn, sign(pluggedIn)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), readBefore, sign(readBefore)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));

            given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then()
                    .body("chargeState.isPluggedIn", equalTo(true)).body("chargeState.chargeRate", equalTo(7.0f))
                    .body("chargeState.powerDeliveryState", equalTo("PLUGGED_IN:CHARGING"));
            await().atMost(Duration.ofSeconds(30)).until(() -> events(reader, c).size() >= 2);
            assertThat(events(reader, c)).extracting(ChargerStateObserved::isPluggedIn).containsExactly(true, false);

            deliver(UUID.randomUUID().toString(), unplugged, sign(unplugged)).statusCode(200)
                    .body("chargersUpdated", equalTo(1));
            given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then()
                    .body("chargeState.isPluggedIn", equalTo(false));
        }
    }

    @Test
    void aBadSignatureIsRefusedAndStoresNothing() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        String body = body(c, Instant.now(), 7.0, "charger.state");

        deliver(UUID.randomUUID().toString(), body, WebhookSignature.header("not-our-secret",
                Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8))).statusCode(401)
                .contentType("application/problem+json");

        given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then()
                .body("chargeState.isPluggedIn", equalTo(false));
    }

    @Test
    void vehicleReportsAreLeftToVehicleService() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        String body = body(c, Instant.now(), 7.0, "vehicle.state");

        deliver(UUID.randomUUID().toString(), body, sign(body)).statusCode(200).body("result", equalTo("ignored"));
    }
}
