package io.plugmate.vehicle.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class VehicleApiTest {

    private static String client() {
        return "client-" + UUID.randomUUID();
    }

    @Test
    void aVehicleHasEnodesShape() {
        String acme = client();
        VehicleEntity v = SeededVehicles.seed(acme, "user-1");

        given().auth().oauth2(Tokens.apiClient(acme)).get("/vehicles/" + v.id)
                .then().statusCode(200)
                .body("id", equalTo(v.id.toString()))
                .body("userId", equalTo("user-1"))
                .body("vendor", equalTo("TESLA"))
                .body("isReachable", equalTo(true))
                .body("lastSeen", notNullValue())
                .body("information.brand", equalTo("Tesla"))
                .body("information.vin", equalTo("5YJ3E1EA7PF000001"))
                .body("chargeState.batteryLevel", equalTo(56.0f))
                .body("chargeState.isPluggedIn", equalTo(true))
                .body("chargeState.chargeRate", equalTo(6.6f))
                .body("chargeState.chargeRateSource", equalTo("VEHICLE"))
                .body("chargeState.powerDeliveryState", equalTo("PLUGGED_IN:CHARGING"))
                .body("chargeState.pluggedInChargerId", nullValue())
                .body("capabilities.startCharging.isCapable", equalTo(true))
                .body("capabilities.setMaxCurrent.isCapable", equalTo(false))
                .body("capabilities.startCharging.interventionIds", hasSize(0));
    }

    @Test
    void listsArePagedWithCursorsAndFilteredByUser() {
        String acme = client();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(SeededVehicles.seed(acme, i < 3 ? "alice" : "bob").id.toString());
        }
        String token = Tokens.apiClient(acme);

        var first = given().auth().oauth2(token).queryParam("pageSize", 2).get("/vehicles")
                .then().statusCode(200).body("data", hasSize(2)).body("pagination.before", nullValue())
                .extract().jsonPath();
        String after = first.getString("pagination.after");
        var second = given().auth().oauth2(token).queryParam("pageSize", 2).queryParam("after", after).get("/vehicles")
                .then().statusCode(200).body("data", hasSize(2)).extract().jsonPath();
        var third = given().auth().oauth2(token).queryParam("pageSize", 2)
                .queryParam("after", second.getString("pagination.after")).get("/vehicles")
                .then().statusCode(200).body("data", hasSize(1)).body("pagination.after", nullValue())
                .extract().jsonPath();
        List<String> paged = new ArrayList<>(first.getList("data.id"));
        paged.addAll(second.getList("data.id"));
        paged.addAll(third.getList("data.id"));
        assertThat(paged).containsExactlyElementsOf(ids);

        given().auth().oauth2(token).queryParam("pageSize", 2).queryParam("before", second.getString("pagination.before"))
                .get("/vehicles").then().statusCode(200).body("data.id", equalTo(ids.subList(0, 2)));
        given().auth().oauth2(token).queryParam("userId", "bob").get("/vehicles")
                .then().statusCode(200).body("data.id", equalTo(ids.subList(3, 5)));
        given().auth().oauth2(token).get("/users/alice/vehicles")
                .then().statusCode(200).body("data.id", equalTo(ids.subList(0, 3)));
    }

    @Test
    void anotherClientsVehicleIsNotFoundEverywhere() {
        String acme = client();
        String rival = client();
        VehicleEntity v = SeededVehicles.seed(acme, "alice");
        String rivalToken = Tokens.apiClient(rival);

        given().auth().oauth2(rivalToken).get("/vehicles/" + v.id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(rivalToken).delete("/vehicles/" + v.id).then().statusCode(404);
        given().auth().oauth2(rivalToken).get("/vehicles").then().statusCode(200).body("data", hasSize(0));
        given().auth().oauth2(rivalToken).get("/users/alice/vehicles").then().statusCode(200).body("data", hasSize(0));
        given().auth().oauth2(Tokens.apiClient(acme)).get("/vehicles/" + v.id).then().statusCode(200);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String token = Tokens.apiClient(client());

        given().auth().oauth2(token).get("/vehicles/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/vehicles/not-a-uuid").then().statusCode(404);
    }

    @Test
    void badParametersAreProblems() {
        String token = Tokens.apiClient(client());

        given().auth().oauth2(token).queryParam("pageSize", 0).get("/vehicles").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("pageSize"));
        given().auth().oauth2(token).queryParam("after", "garbage").get("/vehicles").then().statusCode(400);
        given().auth().oauth2(token).queryParam("userId", "spaces are not ids").get("/vehicles").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        given().get("/vehicles").then().statusCode(401);
        given().auth().oauth2(Tokens.unknownKey("acme")).get("/vehicles").then().statusCode(401);
        given().auth().oauth2(Tokens.unsigned("acme")).get("/vehicles").then().statusCode(401);
        given().auth().oauth2(Tokens.expired("acme")).get("/vehicles").then().statusCode(401);
        given().auth().oauth2(Tokens.forClient("acme").roles("api-client").audience("other-api").mint())
                .get("/vehicles").then().statusCode(401);
        given().auth().oauth2(Tokens.forClient("acme").roles("some-role").mint()).get("/vehicles").then()
                .statusCode(403);
        given().get("/users/alice/vehicles").then().statusCode(401);
        given().delete("/vehicles/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void unlinkingRemovesTheVehicleAndAnnouncesIt() {
        String acme = client();
        VehicleEntity v = SeededVehicles.seed(acme, "alice");
        String token = Tokens.apiClient(acme);

        try (var reader = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            given().auth().oauth2(token).delete("/vehicles/" + v.id).then().statusCode(204);

            given().auth().oauth2(token).get("/vehicles/" + v.id).then().statusCode(404);
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().stream()
                    .map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .anyMatch(e -> e instanceof DeviceRemoved removed && removed.deviceId().equals(v.id.toString())));
            var record = reader.poll().stream().filter(r -> r.value().contains(v.id.toString())).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo("alice");
            assertThat(EventJson.read(record.value(), DeviceRemoved.class).clientId()).isEqualTo(acme);
        }
    }

    @Test
    void openApiIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/vehicles/{id}'.get.summary", equalTo("Get a vehicle"));
    }
}
