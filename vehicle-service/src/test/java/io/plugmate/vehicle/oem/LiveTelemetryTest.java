package io.plugmate.vehicle.oem;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.oem.WebhookRegistrar;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.Simulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The whole telemetry path with the real simulator: registration, a plug-in in the world, signed pushes, the API. */
@QuarkusTest
class LiveTelemetryTest {

    private static final String SECRET = "test-only-webhook-secret-0123456789";

    @Inject
    WebhookRegistrar registrar;

    @Test
    void aPlugInAtTheOemShowsUpInTheVehicleApi() {
        String receiver = "http://localhost:" + RestAssured.port + "/oem/tesla/webhooks";
        registrar.ensureRegistered("TESLA", receiver, SECRET).await().atMost(Duration.ofSeconds(10));
        registrar.ensureRegistered("TESLA", receiver, SECRET).await().atMost(Duration.ofSeconds(10));
        given().baseUri(Simulator.url()).auth().preemptive().basic("plugmate", "plugmate-dev-secret")
                .get("/oem/tesla/webhooks").then().statusCode(200)
                .body("data.findAll { it.url == '" + receiver + "' }", hasSize(1));

        String clientId = "client-" + UUID.randomUUID();
        LinkedHousehold h = LinkedHousehold.link(clientId, "TESLA");
        String oemVehicle = h.household().getString("vehicles[0].id");
        String charger = given().baseUri(Simulator.url()).contentType("application/json")
                .body("{\"vehicles\":[\"NORDAUTO\"],\"chargers\":[\"WATTBOX\"]}").post("/sandbox/households").then()
                .statusCode(201).extract().path("chargers[0].id");
        given().baseUri(Simulator.url()).contentType("application/json").body("{\"chargerId\":\"" + charger + "\"}")
                .post("/sandbox/vehicles/" + oemVehicle + "/plug").then().statusCode(200);
        given().baseUri(Simulator.url()).contentType("application/json").body("{\"duration\":\"PT10M\"}")
                .post("/sandbox/time/advance").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                .get("/vehicles/" + h.vehicleId()).then().statusCode(200)
                .body("chargeState.isPluggedIn", equalTo(true))
                .body("isReachable", equalTo(true)));
    }
}
