package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DeviceApiTest {

    @Test
    void teslaAccountHoldsVehiclesAndChargers() {
        JsonPath home = Sandbox.household(List.of("TESLA", "NORDAUTO"), List.of("TESLA"));
        String vehicleId = home.getString("vehicles[0].id");
        String chargerId = home.getString("chargers[0].id");
        Sandbox.Tokens tokens = Sandbox.link("TESLA", Sandbox.account(home, "TESLA"));

        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/vehicles").then().statusCode(200)
                .body("data", hasSize(1), "data[0].id", equalTo(vehicleId), "data[0].deviceType", equalTo("vehicle"),
                        "data[0].vendor", equalTo("TESLA"), "data[0].information.brand", equalTo("Tesla"),
                        "data[0].information.vin", notNullValue(), "data[0].capabilities.startCharging", equalTo(true),
                        "data[0].capabilities.setMaxCurrent", equalTo(true), "data[0].containsKey('electrical')",
                        equalTo(false));
        // a charger describes its supply: what a kW limit is converted to amps with
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/chargers").then().statusCode(200)
                .body("data", hasSize(1), "data[0].id", equalTo(chargerId), "data[0].deviceType", equalTo("charger"),
                        "data[0].information.serialNumber", notNullValue(), "data[0].electrical.phases", equalTo(3),
                        "data[0].electrical.voltageV", equalTo(230.0f), "data[0].electrical.minCurrentA",
                        equalTo(6.0f), "data[0].electrical.maxCurrentA", equalTo(32.0f));
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/me").then().statusCode(200)
                .body("vehicleIds", equalTo(List.of(vehicleId)), "chargerIds", equalTo(List.of(chargerId)));
    }

    @Test
    void stateReadsFollowEachVendorsBlindSpots() {
        JsonPath home = Sandbox.household(List.of("NORDAUTO"), List.of("ZAPLINE"));
        String vehicleId = home.getString("vehicles[0].id");
        String chargerId = home.getString("chargers[0].id");
        Sandbox.Tokens car = Sandbox.link("NORDAUTO", Sandbox.account(home, "NORDAUTO"));
        Sandbox.Tokens box = Sandbox.link("ZAPLINE", Sandbox.account(home, "ZAPLINE"));

        given().auth().oauth2(car.accessToken()).get("/oem/nordauto/api/vehicles/{id}/state", vehicleId)
                .then().statusCode(200)
                .body("vehicleId", equalTo(vehicleId), "vendor", equalTo("NORDAUTO"), "observedAt", notNullValue(),
                        "isPluggedIn", equalTo(false), "isCharging", equalTo(false), "batteryLevel", notNullValue(),
                        "location", nullValue());
        Sandbox.plug(vehicleId, chargerId);
        Sandbox.advance("PT2M");
        given().auth().oauth2(box.accessToken()).get("/oem/zapline/api/chargers/{id}/state", chargerId)
                .then().statusCode(200)
                .body("chargerId", equalTo(chargerId), "isPluggedIn", equalTo(true), "isCharging", equalTo(true),
                        "chargeRateKw", nullValue(), "maxCurrentA", equalTo(16), "energyMeterKwh", notNullValue());
    }

    @Test
    void anotherAccountsDeviceIsNotFound() {
        JsonPath mine = Sandbox.household(List.of("AMPERIA"), List.of());
        JsonPath theirs = Sandbox.household(List.of("AMPERIA"), List.of());
        Sandbox.Tokens tokens = Sandbox.link("AMPERIA", Sandbox.account(mine, "AMPERIA"));
        given().auth().oauth2(tokens.accessToken())
                .get("/oem/amperia/api/vehicles/{id}", theirs.getString("vehicles[0].id"))
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404), "title", equalTo("Not Found"), "instance", notNullValue());
    }

    @Test
    void requestsWithoutTokenOrToUnknownVendorsAreProblems() {
        given().get("/oem/tesla/api/vehicles").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("at_forged").get("/oem/tesla/api/vehicles").then().statusCode(401);
        given().auth().oauth2("at_forged").get("/oem/acme/api/vehicles").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/oem/acme/oauth/authorize").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void chargerOnlyVendorsHaveNoVehicleApi() {
        JsonPath home = Sandbox.household(List.of("VOLTRA"), List.of("WATTBOX"));
        Sandbox.Tokens tokens = Sandbox.link("WATTBOX", Sandbox.account(home, "WATTBOX"));
        given().auth().oauth2(tokens.accessToken()).get("/oem/wattbox/api/vehicles").then().statusCode(404)
                .body("detail", equalTo("WATTBOX has no vehicle API"));
        // its current is fixed: the range is that one current
        given().auth().oauth2(tokens.accessToken()).get("/oem/wattbox/api/chargers").then().statusCode(200)
                .body("data[0].capabilities.setMaxCurrent", equalTo(false), "data[0].electrical.minCurrentA",
                        equalTo(16.0f), "data[0].electrical.maxCurrentA", equalTo(16.0f));
    }
}
