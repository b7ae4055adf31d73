package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SandboxScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scriptedScenarioEndsUpInTheGroundTruth() throws Exception {
        JsonPath home = Sandbox.household(List.of("TESLA", "NORDAUTO"), List.of("WATTBOX"));
        String householdId = home.getString("id");
        String v1 = home.getString("vehicles[0].id");
        String v2 = home.getString("vehicles[1].id");
        String charger = home.getString("chargers[0].id");
        Instant start = Instant.parse(given().get("/sandbox/time").then().extract().path("now"));

        Sandbox.plug(v1, charger);
        Sandbox.advance("PT1H");
        given().get("/sandbox/vehicles/{id}", v1).then().statusCode(200)
                .body("pluggedInto", equalTo(charger), "isCharging", equalTo(true));
        given().get("/sandbox/chargers/{id}", charger).then().body("pluggedVehicleId", equalTo(v1));
        given().post("/sandbox/vehicles/{id}/unplug", v1).then().statusCode(200).body("pluggedInto", equalTo(null));
        given().contentType(ContentType.JSON).body(Map.of("publicChargerId", "street-7", "publicMaxKw", 50))
                .post("/sandbox/vehicles/{id}/plug", v2).then().statusCode(200)
                .body("pluggedInto", equalTo("public:street-7"));
        Sandbox.advance("PT30M");

        String jsonl = given().queryParam("householdId", householdId).get("/sandbox/ground-truth").then()
                .statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode home1 = JSON.readTree(lines.get(0));
        List<String> fields = new java.util.ArrayList<>();
        home1.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("vehicleId", "chargerId", "householdId", "pluggedInAt", "unpluggedAt");
        assertThat(home1.path("vehicleId").asText()).isEqualTo(v1);
        assertThat(home1.path("chargerId").asText()).isEqualTo(charger);
        assertThat(home1.path("householdId").asText()).isEqualTo(householdId);
        Instant in = Instant.parse(home1.path("pluggedInAt").asText());
        Instant out = Instant.parse(home1.path("unpluggedAt").asText());
        assertThat(in).isEqualTo(start);
        assertThat(Duration.between(in, out)).isEqualTo(Duration.ofHours(1));
        JsonNode public2 = JSON.readTree(lines.get(1));
        assertThat(public2.path("chargerId").asText()).isEqualTo("public:street-7");
        assertThat(public2.path("unpluggedAt").isNull()).isTrue();
    }

    @Test
    void physicalStartStopActsImmediately() {
        JsonPath home = Sandbox.household(List.of("VOLTRA"), List.of("ZAPLINE"));
        String v = home.getString("vehicles[0].id");
        String c = home.getString("chargers[0].id");
        given().contentType(ContentType.JSON).body(Map.of("batteryLevel", 20)).put("/sandbox/vehicles/{id}/battery", v)
                .then().statusCode(200).body("batteryLevel", equalTo(20.0f));
        Sandbox.plug(v, c);
        Sandbox.advance("PT1M");
        given().post("/sandbox/chargers/{id}/charging/stop", c).then().statusCode(200)
                .body("isCharging", equalTo(false), "enabled", equalTo(false));
        given().post("/sandbox/vehicles/{id}/charging/stop", v).then().statusCode(200);
        given().post("/sandbox/chargers/{id}/charging/start", c).then().statusCode(200).body("isCharging", equalTo(false));
        given().post("/sandbox/vehicles/{id}/charging/start", v).then().statusCode(200).body("isCharging", equalTo(true));
        given().post("/sandbox/vehicles/{id}/charging/sideways", v).then().statusCode(404);
    }

    @Test
    void impossibleActionsAreProblems() {
        JsonPath home = Sandbox.household(List.of("TESLA", "AMPERIA"), List.of("TESLA"));
        String v1 = home.getString("vehicles[0].id");
        String v2 = home.getString("vehicles[1].id");
        String c = home.getString("chargers[0].id");
        Sandbox.plug(v1, c);
        given().contentType(ContentType.JSON).body(Map.of("chargerId", c)).post("/sandbox/vehicles/{id}/plug", v2)
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        given().post("/sandbox/vehicles/{id}/unplug", v2).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("chargerId", c, "publicChargerId", "x"))
                .post("/sandbox/vehicles/{id}/plug", v2).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("chargerId", c)).post("/sandbox/vehicles/{id}/plug", "veh-nope")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("batteryLevel", 101)).put("/sandbox/vehicles/{id}/battery", v2)
                .then().statusCode(400).body("errors[0].field", equalTo("batteryLevel"));
    }

    @Test
    void timeAdvancesOnlyByValidDurations() {
        Instant before = Instant.parse(given().get("/sandbox/time").then().body("tickerEnabled", equalTo(false))
                .extract().path("now"));
        given().contentType(ContentType.JSON).body(Map.of("duration", "PT90S")).post("/sandbox/time/advance")
                .then().statusCode(200).body("now", equalTo(before.plusSeconds(90).toString()));
        for (String bad : List.of("ten minutes", "-PT1M", "PT0S", "P400D")) {
            given().contentType(ContentType.JSON).body(Map.of("duration", bad)).post("/sandbox/time/advance")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("duration"));
        }
        given().contentType(ContentType.JSON).body("{\"duration\":").post("/sandbox/time/advance")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void demoFleetAndAccountsAreListed() {
        given().get("/sandbox/households").then().statusCode(200).body("data.size()", greaterThanOrEqualTo(2))
                .body("data[0].id", equalTo("hh-0001"), "data[0].autonomous", equalTo(true));
        given().queryParam("householdId", "hh-0001").get("/sandbox/accounts").then().statusCode(200)
                .body("data[0].username", notNullValue(), "data[0].password", notNullValue(),
                        "data[0].householdId", equalTo("hh-0001"), "data[0].authorizeUrl", notNullValue());
        given().queryParam("vendor", "TESLA").get("/sandbox/accounts").then().statusCode(200)
                .body("data.vendor", org.hamcrest.Matchers.everyItem(equalTo("TESLA")));
        given().queryParam("vendor", "ACME").get("/sandbox/accounts").then().statusCode(400);
        // the demo fleet opens with the multi-type TESLA household
        given().get("/sandbox/accounts/{id}", "acct-tesla-hh-0001").then().statusCode(200)
                .body("vehicleIds.size()", equalTo(1), "chargerIds.size()", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("vehicles", List.of("ACME"), "chargers", List.of("TESLA")))
                .post("/sandbox/households").then().statusCode(400).body("errors.field", hasItem("vehicles[0]"));
    }

    @Test
    void operationalEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/sandbox/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
