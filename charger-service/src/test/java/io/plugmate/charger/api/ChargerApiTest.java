package io.plugmate.charger.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChargerApiTest {

    private static String client() {
        return "client-" + UUID.randomUUID();
    }

    @Test
    void aChargerHasEnodesShape() {
        String acme = client();
        ChargerEntity c = SeededChargers.seed(acme, "user-1");

        given().auth().oauth2(Tokens.apiClient(acme)).get("/chargers/" + c.id)
                .then().statusCode(200)
                .body("id", equalTo(c.id.toString()))
                .body("userId", equalTo("user-1"))
                .body("vendor", equalTo("EASEE"))
                .body("information.serialNumber", equalTo(c.serialNumber))
                .body("chargeState.isPluggedIn", equalTo(false))
                .body("chargeState.maxCurrent", equalTo(16.0f))
                .body("chargeState.powerDeliveryState", equalTo("UNPLUGGED"))
                .body("chargeState.pluggedInVehicleId", nullValue())
                .body("capabilities.setMaxCurrent.isCapable", equalTo(true));
    }

    @Test
    void listsArePagedAndFilteredByUser() {
        String acme = client();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(SeededChargers.seed(acme, i < 2 ? "alice" : "bob").id.toString());
        }
        String token = Tokens.apiClient(acme);

        var first = given().auth().oauth2(token).queryParam("pageSize", 2).get("/chargers")
                .then().statusCode(200).body("data", hasSize(2)).extract().jsonPath();
        given().auth().oauth2(token).queryParam("pageSize", 2).queryParam("after", first.getString("pagination.after"))
                .get("/chargers").then().statusCode(200).body("data.id", equalTo(ids.subList(2, 3)))
                .body("pagination.after", nullValue());
        assertThat(first.getList("data.id", String.class)).isEqualTo(ids.subList(0, 2));
        given().auth().oauth2(token).get("/users/alice/chargers").then().body("data.id", equalTo(ids.subList(0, 2)));
        given().auth().oauth2(token).queryParam("userId", "bob").get("/chargers").then()
                .body("data.id", equalTo(ids.subList(2, 3)));
    }

    @Test
    void anotherClientsChargerIsNotFoundEverywhere() {
        String acme = client();
        ChargerEntity c = SeededChargers.seed(acme, "alice");
        String rival = Tokens.apiClient(client());

        given().auth().oauth2(rival).get("/chargers/" + c.id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(rival).delete("/chargers/" + c.id).then().statusCode(404);
        given().auth().oauth2(rival).get("/chargers").then().body("data", hasSize(0));
        given().auth().oauth2(rival).get("/users/alice/chargers").then().body("data", hasSize(0));
        given().auth().oauth2(Tokens.apiClient(acme)).get("/chargers/" + c.id).then().statusCode(200);
    }

    @Test
    void badInputAndBadTokensAreProblems() {
        String token = Tokens.apiClient(client());

        given().auth().oauth2(token).queryParam("pageSize", 500).get("/chargers").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/users/not a user/chargers").then().statusCode(400);
        given().auth().oauth2(token).get("/chargers/nope").then().statusCode(404);
        given().get("/chargers").then().statusCode(401);
        given().auth().oauth2(Tokens.unknownKey("acme")).get("/chargers").then().statusCode(401);
        given().auth().oauth2(Tokens.unsigned("acme")).get("/chargers/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(Tokens.forClient("acme").roles("viewer").mint()).get("/chargers").then().statusCode(403);
    }

    @Test
    void unlinkingRemovesTheChargerAndAnnouncesIt() {
        String acme = client();
        ChargerEntity c = SeededChargers.seed(acme, "alice");
        String token = Tokens.apiClient(acme);

        try (var reader = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            given().auth().oauth2(token).delete("/chargers/" + c.id).then().statusCode(204);

            given().auth().oauth2(token).get("/chargers/" + c.id).then().statusCode(404);
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().stream()
                    .map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .anyMatch(e -> e instanceof DeviceRemoved removed && removed.deviceId().equals(c.id.toString())
                            && removed.deviceType() == DeviceType.CHARGER && removed.clientId().equals(acme)));
        }
    }

    /** Prometheus scrapes /q/metrics (issue 14 point 5): API latency with buckets, Kafka clients, JVM. */
    @Test
    void metricsAreServedForPrometheus() {
        given().get("/chargers").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_bucket"),
                containsString("kafka_consumer_fetch_manager_records_lag"), containsString("jvm_memory_used_bytes"));
    }
}
