package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Devices appearing in and vanishing from an account that is already linked: what an OEM account re-sync sees. */
@QuarkusTest
class SandboxHouseholdChangesTest {

    @Test
    void aLinkedAccountListsTheNewCarAndNoLongerTheSoldOne() {
        JsonPath home = Sandbox.household(List.of("TESLA"), List.of("TESLA"));
        String sold = home.getString("vehicles[0].id");
        Sandbox.Tokens tokens = Sandbox.link("TESLA", Sandbox.account(home, "TESLA"));

        var created = given().contentType(ContentType.JSON).body(Map.of("vendor", "TESLA"))
                .post("/sandbox/households/{id}/vehicles", home.getString("id")).then().statusCode(201)
                .body("vendor", equalTo("TESLA"), "householdId", equalTo(home.getString("id"))).extract();
        String added = created.path("id");
        org.assertj.core.api.Assertions.assertThat(created.header("Location")).endsWith("/sandbox/vehicles/" + added);
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/vehicles").then().statusCode(200)
                .body("data.id", equalTo(List.of(sold, added)));

        given().delete("/sandbox/devices/{id}", sold).then().statusCode(204);

        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/vehicles").then().statusCode(200)
                .body("data.id", equalTo(List.of(added)));
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/vehicles/{id}/state", sold).then()
                .statusCode(404);
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/chargers").then().body("data", hasSize(1));
        given().get("/sandbox/vehicles/{id}", sold).then().statusCode(404);
        given().get("/sandbox/accounts/{id}", tokens.accountId()).then().body("vehicleIds", equalTo(List.of(added)));
        given().delete("/sandbox/devices/{id}", sold).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWallboxOfAVendorTheHouseholdHadNoLoginForOpensOne() {
        JsonPath home = Sandbox.household(List.of("NORDAUTO"), List.of());

        String charger = given().contentType(ContentType.JSON).body(Map.of("vendor", "ZAPLINE"))
                .post("/sandbox/households/{id}/chargers", home.getString("id")).then().statusCode(201)
                .body("vendor", equalTo("ZAPLINE")).extract().path("id");

        given().get("/sandbox/households/{id}", home.getString("id")).then()
                .body("chargers.id", equalTo(List.of(charger)))
                .body("accounts.find { it.vendor == 'ZAPLINE' }.chargerIds", equalTo(List.of(charger)));
    }

    @Test
    void wrongVendorsFullHouseholdsAndUnknownOnesAreRefused() {
        JsonPath home = Sandbox.household(List.of("TESLA", "VOLTRA", "DORMIO"), List.of());
        String id = home.getString("id");

        given().contentType(ContentType.JSON).body(Map.of("vendor", "WATTBOX"))
                .post("/sandbox/households/{id}/vehicles", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("vendor"));
        given().contentType(ContentType.JSON).body(Map.of("vendor", "AMPERIA"))
                .post("/sandbox/households/{id}/vehicles", id).then().statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("vendor", "TESLA"))
                .post("/sandbox/households/{id}/chargers", "hh-none").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post("/sandbox/households/{id}/chargers", id).then()
                .statusCode(400);
        given().delete("/sandbox/devices/{id}", "veh-99999").then().statusCode(404);
    }
}
