package io.plugmate.charger.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PairReflectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static void publish(PlugmateEvent event) {
        KafkaTestClient.send(Topics.PAIR_EVENTS, event.userId(), EventJson.write(event));
    }

    private static String pluggedIn(ChargerEntity c) {
        return given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then().statusCode(200)
                .extract().jsonPath().getString("chargeState.pluggedInVehicleId");
    }

    private static PairActivated activated(ChargerEntity c, String pairId, String vehicleId) {
        return new PairActivated(UUID.randomUUID(), 1, c.clientId, c.userId, Instant.now(), pairId, vehicleId,
                c.id.toString(), 0.98, List.of());
    }

    @Test
    void activationSetsTheVehicleAndDeactivationClearsIt() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");

        publish(activated(c, "pair-1", "vehicle-1"));
        await().atMost(PATIENCE).until(() -> "vehicle-1".equals(pluggedIn(c)));

        publish(new PairDeactivated(UUID.randomUUID(), 1, c.clientId, c.userId, Instant.now(), "pair-1", "vehicle-1",
                c.id.toString(), "CHARGER_UNPLUGGED"));
        await().atMost(PATIENCE).until(() -> pluggedIn(c) == null);
    }

    @Test
    void aDissolvedOlderPairDoesNotClearTheCurrentOne() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");

        publish(activated(c, "pair-old", "vehicle-old"));
        publish(activated(c, "pair-new", "vehicle-new"));
        publish(new PairDissolved(UUID.randomUUID(), 1, c.clientId, c.userId, Instant.now(), "pair-old",
                "vehicle-old", c.id.toString(), "VEHICLE_REMOVED"));
        publish(activated(c, "pair-new", "vehicle-new"));

        await().atMost(PATIENCE).until(() -> "vehicle-new".equals(pluggedIn(c)));
    }

    @Test
    void anotherClientsPairEventCannotTouchThisCharger() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        PairActivated forged = new PairActivated(UUID.randomUUID(), 1, "client-intruder", c.userId, Instant.now(),
                "pair-x", "vehicle-x", c.id.toString(), 1.0, List.of());
        PairActivated genuine = activated(c, "pair-y", "vehicle-y");

        publish(forged);
        publish(genuine);

        await().atMost(PATIENCE).until(() -> "vehicle-y".equals(pluggedIn(c)));
    }

    @Test
    void aPoisonRecordGoesToTheDlqAndLaterRecordsStillFlow() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "poisoned-user");

        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.PAIR_EVENTS))) {
            KafkaTestClient.send(Topics.PAIR_EVENTS, "poisoned-user", "[1,2,3]");
            publish(activated(c, "pair-z", "vehicle-z"));

            await().atMost(PATIENCE).until(() -> "vehicle-z".equals(pluggedIn(c)));
            await().atMost(PATIENCE).until(() -> dlq.poll().stream().anyMatch(r -> "poisoned-user".equals(r.key())));
            var poisoned = dlq.poll().stream().filter(r -> "poisoned-user".equals(r.key())).findFirst().orElseThrow();
            assertThat(poisoned.value()).isEqualTo("[1,2,3]");
            assertThat(KafkaTestClient.header(poisoned, Topics.DLQ_REASON_HEADER)).isNotBlank();
        }
    }
}
