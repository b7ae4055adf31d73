package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CommandApiTest {

    private String vehicleId;
    private String chargerId;
    private Sandbox.Tokens tokens;

    @BeforeEach
    void pluggedTesla() {
        JsonPath home = Sandbox.household(List.of("TESLA"), List.of("TESLA"));
        vehicleId = home.getString("vehicles[0].id");
        chargerId = home.getString("chargers[0].id");
        given().contentType(ContentType.JSON).body(Map.of("batteryLevel", 40))
                .put("/sandbox/vehicles/{id}/battery", vehicleId).then().statusCode(200);
        Sandbox.plug(vehicleId, chargerId);
        Sandbox.advance("PT1M");
        tokens = Sandbox.link("TESLA", Sandbox.account(home, "TESLA"));
    }

    @AfterEach
    void noFailures() {
        setFailureRate(0.0);
    }

    @Test
    void aRefusalSwitchedOnMakesTheCloudSayNoWithItsReasonUntilLifted() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "Charging is locked by the owner's schedule"))
                .put("/sandbox/devices/{id}/command-refusal", chargerId).then().statusCode(200)
                .body("reason", equalTo("Charging is locked by the owner's schedule"));

        given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/chargers/{id}/commands", chargerId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Charging is locked by the owner's schedule"));
        // only that device: the car's own cloud still takes commands
        given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/vehicles/{id}/commands", vehicleId)
                .then().statusCode(202);

        given().delete("/sandbox/devices/{id}/command-refusal", chargerId).then().statusCode(204);
        given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/chargers/{id}/commands", chargerId)
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("reason", " "))
                .put("/sandbox/devices/{id}/command-refusal", chargerId).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .put("/sandbox/devices/{id}/command-refusal", "chg-99999").then().statusCode(404);
    }

    @Test
    void anOutageAnswersEveryDeviceRequestWithItsStatusUntilEndedAndTheCommandsTakenAreListed() {
        try {
            given().contentType(ContentType.JSON).body(Map.of("status", 429)).put("/sandbox/oem-outage").then()
                    .statusCode(200).body("status", equalTo(429));
            given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/vehicles/{id}/commands", vehicleId)
                    .then().statusCode(429).header("Retry-After", "2").contentType("application/problem+json");
            given().contentType(ContentType.JSON).body(Map.of("status", 503)).put("/sandbox/oem-outage").then()
                    .statusCode(200);
            given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/vehicles/{id}/state", vehicleId).then()
                    .statusCode(503).contentType("application/problem+json");
            given().contentType(ContentType.JSON).body(Map.of("status", 404)).put("/sandbox/oem-outage").then()
                    .statusCode(400).contentType("application/problem+json");
        } finally {
            given().delete("/sandbox/oem-outage").then().statusCode(204);
        }
        given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/vehicles/{id}/commands", vehicleId)
                .then().statusCode(202);
        // only the command that got through reached the cloud
        given().get("/sandbox/commands?deviceId={id}", vehicleId).then().statusCode(200)
                .body("data.size()", equalTo(1), "data[0].type", equalTo("STOP_CHARGING"));
    }

    @Test
    void aSlowCloudCarriesOutTheCommandOfAClientThatGaveUpWaitingForTheAnswer() {
        given().contentType(ContentType.JSON).body(Map.of("status", 0, "delay", "PT3S")).put("/sandbox/oem-outage")
                .then().statusCode(200);
        try {
            RestAssuredConfig impatient = RestAssuredConfig.config()
                    .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 500));
            assertThatThrownBy(() -> given().config(impatient).auth().oauth2(tokens.accessToken())
                    .header("Idempotency-Key", "slow-1").contentType(ContentType.JSON)
                    .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/vehicles/{id}/commands", vehicleId))
                    .isInstanceOf(SocketTimeoutException.class);
        } finally {
            given().delete("/sandbox/oem-outage").then().statusCode(204);
        }
        // taken all the same; the client's retry with its key learns so instead of taking it twice
        given().get("/sandbox/commands?deviceId={id}", vehicleId).then().body("data.size()", equalTo(1));
        given().auth().oauth2(tokens.accessToken()).header("Idempotency-Key", "slow-1").contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/vehicles/{id}/commands", vehicleId)
                .then().statusCode(202).header("Idempotent-Replayed", "true");
        given().get("/sandbox/commands?deviceId={id}", vehicleId).then().body("data.size()", equalTo(1));
    }

    @Test
    void stopIsAcceptedAsynchronouslyAndTakesEffect() {
        String location = given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/vehicles/{id}/commands", vehicleId)
                .then().statusCode(202).header("Location", containsString("/oem/tesla/api/commands/"))
                .body("state", equalTo("PENDING"), "type", equalTo("STOP_CHARGING"), "deviceId", equalTo(vehicleId))
                .extract().header("Location");
        given().auth().oauth2(tokens.accessToken()).get(location).then().statusCode(200).body("state", equalTo("PENDING"));

        Sandbox.advance("PT1M");
        given().auth().oauth2(tokens.accessToken()).get(location).then().statusCode(200)
                .body("state", equalTo("SUCCEEDED"), "completedAt", notNullValue());
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/vehicles/{id}/state", vehicleId)
                .then().body("isPluggedIn", equalTo(true), "isCharging", equalTo(false), "chargeRateKw", equalTo(0.0f));
        // the outcome shows in the reports the cloud sends, too
        given().queryParam("deviceId", chargerId).queryParam("limit", 1).get("/sandbox/reports").then()
                .body("data[0].report.isCharging", equalTo(false), "data[0].report.isPluggedIn", equalTo(true));
    }

    @Test
    void theSameRequestWithItsIdempotencyKeyGetsTheCommandTakenFirstInsteadOfASecondOne() {
        String first = given().auth().oauth2(tokens.accessToken()).header("Idempotency-Key", "cmd-key-1")
                .contentType(ContentType.JSON).body(Map.of("type", "STOP_CHARGING"))
                .post("/oem/tesla/api/vehicles/{id}/commands", vehicleId).then().statusCode(202)
                .header("Idempotent-Replayed", (String) null).extract().path("id");
        Sandbox.advance("PT1M");

        // the retry of a request whose answer was lost: the same command, in its current state
        given().auth().oauth2(tokens.accessToken()).header("Idempotency-Key", "cmd-key-1")
                .contentType(ContentType.JSON).body(Map.of("type", "STOP_CHARGING"))
                .post("/oem/tesla/api/vehicles/{id}/commands", vehicleId).then().statusCode(202)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first), "state", equalTo("SUCCEEDED"));
        given().get("/sandbox/commands?deviceId={id}", vehicleId).then().body("data.size()", equalTo(1));

        // the key for another request is refused; another account's same key is its own
        given().auth().oauth2(tokens.accessToken()).header("Idempotency-Key", "cmd-key-1")
                .contentType(ContentType.JSON).body(Map.of("type", "START_CHARGING"))
                .post("/oem/tesla/api/vehicles/{id}/commands", vehicleId).then().statusCode(422)
                .contentType("application/problem+json");
        JsonPath other = Sandbox.household(List.of("TESLA"), List.of());
        given().auth().oauth2(Sandbox.link("TESLA", Sandbox.account(other, "TESLA")).accessToken())
                .header("Idempotency-Key", "cmd-key-1").contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING"))
                .post("/oem/tesla/api/vehicles/{id}/commands", other.getString("vehicles[0].id")).then()
                .statusCode(202).body("id", not(equalTo(first)));
        given().auth().oauth2(tokens.accessToken()).header("Idempotency-Key", "x".repeat(256))
                .contentType(ContentType.JSON).body(Map.of("type", "STOP_CHARGING"))
                .post("/oem/tesla/api/vehicles/{id}/commands", vehicleId).then().statusCode(400);
    }

    @Test
    void configuredFailureRateFailsTheCommand() {
        setFailureRate(1.0);
        String location = given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "SET_MAX_CURRENT", "maxCurrentA", 10))
                .post("/oem/tesla/api/chargers/{id}/commands", chargerId).then().statusCode(202).extract()
                .header("Location");
        Sandbox.advance("PT1M");
        given().auth().oauth2(tokens.accessToken()).get(location).then()
                .body("state", equalTo("FAILED"), "failureReason", equalTo("CHARGER_OFFLINE"));
        given().get("/sandbox/chargers/{id}", chargerId).then().body("maxCurrentA", equalTo(16));
    }

    @Test
    void invalidCommandsAreRejectedUpFront() {
        given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON).body(Map.of())
                .post("/oem/tesla/api/vehicles/{id}/commands", vehicleId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON).body(Map.of("type", "FLY"))
                .post("/oem/tesla/api/vehicles/{id}/commands", vehicleId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "SET_MAX_CURRENT"))
                .post("/oem/tesla/api/vehicles/{id}/commands", vehicleId).then().statusCode(400)
                .body("detail", containsString("maxCurrentA"));
    }

    @Test
    void vendorsWithoutStartStopAnswer422() {
        JsonPath home = Sandbox.household(List.of("VOLTRA"), List.of());
        Sandbox.Tokens voltra = Sandbox.link("VOLTRA", Sandbox.account(home, "VOLTRA"));
        given().auth().oauth2(voltra.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "START_CHARGING"))
                .post("/oem/voltra/api/vehicles/{id}/commands", home.getString("vehicles[0].id"))
                .then().statusCode(422).contentType("application/problem+json").body("status", equalTo(422));
    }

    @Test
    void commandsOfOtherAccountsAreNotFound() {
        String location = given().auth().oauth2(tokens.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "STOP_CHARGING")).post("/oem/tesla/api/chargers/{id}/commands", chargerId)
                .then().statusCode(202).extract().header("Location");
        Sandbox.Tokens other = Sandbox.link("TESLA",
                Sandbox.account(Sandbox.household(List.of("TESLA"), List.of()), "TESLA"));
        given().auth().oauth2(other.accessToken()).get(location).then().statusCode(404);
    }

    private static void setFailureRate(double rate) {
        given().contentType(ContentType.JSON).body(Map.of("commandFailureRate", rate)).put("/sandbox/settings")
                .then().statusCode(200).body("commandFailureRate", equalTo((float) rate));
    }
}
