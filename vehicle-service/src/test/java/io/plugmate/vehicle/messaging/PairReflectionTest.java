package io.plugmate.vehicle.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.EventJson;
import io.plugmate.events.Evidence;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PairReflectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static void publish(String topic, PlugmateEvent event) {
        KafkaTestClient.send(topic, event.userId(), EventJson.write(event));
    }

    private static PairActivated activated(VehicleEntity v, String pairId, String chargerId) {
        return new PairActivated(UUID.randomUUID(), 1, v.clientId, v.userId, Instant.now(), pairId, v.id.toString(),
                chargerId, 0.97, List.of(new Evidence("plugInTiming", "within 30 s", 0.6)));
    }

    private static PairDeactivated deactivated(VehicleEntity v, String pairId, String chargerId) {
        return new PairDeactivated(UUID.randomUUID(), 1, v.clientId, v.userId, Instant.now(), pairId,
                v.id.toString(), chargerId, "VEHICLE_UNPLUGGED");
    }

    private static ChargerStateObserved chargerRate(VehicleEntity v, String chargerId, double kw, Instant at) {
        return new ChargerStateObserved(UUID.randomUUID(), 1, v.clientId, v.userId, Instant.now(), chargerId,
                "EASEE", at, true, true, kw, 32.0);
    }

    private static JsonPath view(VehicleEntity v) {
        return given().auth().oauth2(Tokens.apiClient(v.clientId)).get("/vehicles/" + v.id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void anActivatedPairSetsTheChargerAndItsWallRateUntilDeactivated() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        String charger = "charger-" + UUID.randomUUID();

        publish(Topics.PAIR_EVENTS, activated(v, "pair-1", charger));
        await().atMost(PATIENCE).until(() -> charger.equals(view(v).getString("chargeState.pluggedInChargerId")));

        publish(Topics.CHARGER_STATE, chargerRate(v, charger, 7.4, Instant.now()));
        await().atMost(PATIENCE).until(() -> "CHARGER".equals(view(v).getString("chargeState.chargeRateSource")));
        assertThat(view(v).getDouble("chargeState.chargeRate")).isEqualTo(7.4);

        publish(Topics.PAIR_EVENTS, deactivated(v, "pair-1", charger));
        await().atMost(PATIENCE).until(() -> view(v).getString("chargeState.pluggedInChargerId") == null);
        assertThat(view(v).getString("chargeState.chargeRateSource")).isEqualTo("VEHICLE");
        assertThat(view(v).getDouble("chargeState.chargeRate")).isEqualTo(6.6);
    }

    @Test
    void anOlderChargerReportNeverOverwritesANewerOne() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        String charger = "charger-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        publish(Topics.PAIR_EVENTS, activated(v, "pair-2", charger));
        await().atMost(PATIENCE).until(() -> charger.equals(view(v).getString("chargeState.pluggedInChargerId")));

        publish(Topics.CHARGER_STATE, chargerRate(v, charger, 11.0, now));
        publish(Topics.CHARGER_STATE, chargerRate(v, charger, 3.0, now.minusSeconds(60)));
        publish(Topics.CHARGER_STATE, chargerRate(v, charger, 10.9, now.plusSeconds(30)));

        await().atMost(PATIENCE).until(() -> view(v).getDouble("chargeState.chargeRate") == 10.9);
        assertThat(SeededVehicles.reload(v.id).chargerRateObservedAt).isEqualTo(now.plusSeconds(30));
    }

    @Test
    void aLateDeactivationOfAnOlderPairLeavesTheCurrentOne() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");

        publish(Topics.PAIR_EVENTS, activated(v, "pair-old", "charger-old"));
        publish(Topics.PAIR_EVENTS, activated(v, "pair-new", "charger-new"));
        publish(Topics.PAIR_EVENTS, deactivated(v, "pair-old", "charger-old"));
        PairActivated marker = activated(v, "pair-new", "charger-new");
        publish(Topics.PAIR_EVENTS, marker);

        await().atMost(PATIENCE).until(() -> "charger-new".equals(view(v).getString("chargeState.pluggedInChargerId")));
        assertThat(SeededVehicles.reload(v.id).pairId).isEqualTo("pair-new");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        PairActivated first = activated(v, "pair-3", "charger-3");

        publish(Topics.PAIR_EVENTS, first);
        await().atMost(PATIENCE).until(() -> "charger-3".equals(view(v).getString("chargeState.pluggedInChargerId")));
        publish(Topics.PAIR_EVENTS, deactivated(v, "pair-3", "charger-3"));
        await().atMost(PATIENCE).until(() -> view(v).getString("chargeState.pluggedInChargerId") == null);

        publish(Topics.PAIR_EVENTS, first); // the same eventId again, as a redelivery would bring it
        PairDeactivated marker = deactivated(v, "pair-none", "charger-none");
        publish(Topics.PAIR_EVENTS, marker);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(processed(marker.eventId())).isTrue());
        assertThat(view(v).getString("chargeState.pluggedInChargerId")).isNull();
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithItsReasonAndLaterRecordsStillFlow() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "mallory");

        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.PAIR_EVENTS))) {
            KafkaTestClient.send(Topics.PAIR_EVENTS, "mallory", "{this is not json");
            KafkaTestClient.send(Topics.PAIR_EVENTS, "mallory", "{\"type\":\"PairActivated\",\"eventId\":\""
                    + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-24T10:00:00Z\"}");
            publish(Topics.PAIR_EVENTS, activated(v, "pair-4", "charger-4"));

            await().atMost(PATIENCE)
                    .until(() -> "charger-4".equals(view(v).getString("chargeState.pluggedInChargerId")));
            await().atMost(PATIENCE).until(() -> dlq.poll().stream().filter(r -> "mallory".equals(r.key())).count() == 2);
            var poisoned = dlq.poll().stream().filter(r -> "mallory".equals(r.key())).toList();
            assertThat(poisoned).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                    .allSatisfy(reason -> assertThat(reason).isNotBlank());
            assertThat(KafkaTestClient.header(poisoned.get(1), Topics.DLQ_REASON_HEADER)).contains("clientId");
            assertThat(poisoned.getFirst().value()).isEqualTo("{this is not json");
        }
    }

    @Test
    void theEnhancedEstimateToggleKeepsTheVehiclesOwnRate() {
        String clientId = "client-" + UUID.randomUUID();
        VehicleEntity v = SeededVehicles.seed(clientId, "alice");
        publish(Topics.PAIR_EVENTS, activated(v, "pair-5", "charger-5"));
        // the two topics have their own consumers: a charger reading taken before the pair reaches no vehicle
        await().atMost(PATIENCE).until(() -> "charger-5".equals(view(v).getString("chargeState.pluggedInChargerId")));
        publish(Topics.CHARGER_STATE, chargerRate(v, "charger-5", 7.2, Instant.now()));
        await().atMost(PATIENCE).until(() -> "CHARGER".equals(view(v).getString("chargeState.chargeRateSource")));

        KafkaTestClient.send(Topics.CLIENT_FEATURES, clientId, EventJson.write(new ClientFeaturesChanged(
                UUID.randomUUID(), 1, clientId, null, Instant.now(), Map.of("enhanced-charge-rate-estimate", true))));

        await().atMost(PATIENCE).until(() -> "VEHICLE".equals(view(v).getString("chargeState.chargeRateSource")));
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/vehicles/" + v.id).then()
                .body("chargeState.chargeRate", equalTo(6.6f));
    }

    private static boolean processed(UUID eventId) throws Throwable {
        return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                .withSession(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                        .chain(s -> s.createNativeQuery("select count(*) from processed_event where event_id = :id")
                                .setParameter("id", eventId).getSingleResult())
                        .map(count -> ((Number) count).longValue() > 0)));
    }
}
