package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.plugmate.testinfra.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * The whole chain with nothing stubbed: a Tesla household in the simulator linked through vehicle-service's real
 * flow, its charger discovered by charger-service, a plug-in in the simulated world pushed to both services as signed
 * webhooks, their observations on Kafka, this service pairing them, and vehicle-service showing the charger the
 * vehicle is plugged into. Real Kafka and PostgreSQL throughout; every service is its built jar.
 *
 * <p>
 * Simulated time moves only when the test moves it. After the plug-in it is moved past the charging start (5-30 s
 * handshake), so both devices have pushed their charging reports: timing alone never activates a pair, the charge
 * rates corroborate it.
 */
@ExtendWith(Platform.class)
class PlugInEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String REDIRECT = "https://app.example.com/linked";

    @Test
    void aSimulatedPlugInShowsUpAsTheVehiclesPluggedInCharger() {
        String vehicles = Platform.url("vehicle-service");
        String chargers = Platform.url("charger-service");
        String pairs = Platform.url("pairing-service");
        String token = Tokens.apiClient("client-" + UUID.randomUUID());
        // both device services registered their receivers at start-up, so the simulator pushes to them
        await().atMost(PATIENCE).until(() -> Simulator.webhookUrls("tesla").containsAll(
                List.of(vehicles + "/oem/tesla/webhooks", chargers + "/oem/tesla/webhooks")));

        JsonPath household = Simulator.household("[\"TESLA\"]", "[\"TESLA\"]");
        String userId = household.getString("id");
        String oemVehicle = household.getString("vehicles[0].id");
        link(vehicles, token, userId, household);
        String vehicleId = given().baseUri(vehicles).auth().oauth2(token).get("/users/" + userId + "/vehicles").then()
                .statusCode(200).body("data", hasSize(1)).extract().path("data[0].id");
        // charger-service hears of the account over Kafka and lists its charger
        String chargerId = await().atMost(PATIENCE)
                .until(() -> Api.<String> read(chargers, token, "/users/" + userId + "/chargers", "data[0].id"),
                        notNullValue());
        // both DeviceLinked events reached pairing-service: the EV system exists
        String pairId = await().atMost(PATIENCE)
                .until(() -> Api.<String> read(pairs, token, "/users/" + userId + "/pairs", "data[0].id"), notNullValue());
        given().baseUri(pairs).auth().oauth2(token).get("/pairs/" + pairId).then().body("vehicleId", equalTo(vehicleId))
                .body("chargerId", equalTo(chargerId)).body("state", equalTo("INACTIVE"));

        // a while with both unplugged (idle reports), then the car is plugged into the wall connector
        Simulator.advance("PT12M");
        Simulator.plug(oemVehicle, household.getString("chargers[0].id"));
        // the activation waits until the car has reported again after the wallbox's plug-in report (inputs are taken
        // in the order they were produced, ADR 0008): a car reports every ~2 min while charging
        Simulator.advance("PT3M");

        // simulated time keeps moving, as real time would, until the pair is found (the simulator never moves it itself)
        await().atMost(PATIENCE).until(() -> {
            String plugged = Api.read(vehicles, token, "/vehicles/" + vehicleId, "chargeState.pluggedInChargerId");
            if (!chargerId.equals(plugged)) {
                Simulator.advance("PT20S");
            }
            return plugged;
        }, equalTo(chargerId));
        given().baseUri(pairs).auth().oauth2(token).get("/pairs/" + pairId).then().body("state", equalTo("ACTIVE"))
                .body("evidence.size()", greaterThan(0));
        await().atMost(PATIENCE).until(
                () -> Api.read(chargers, token, "/chargers/" + chargerId, "chargeState.pluggedInVehicleId"),
                equalTo(vehicleId));

        // the unplug is checked here, where it is decided: the device services' pair reflection races their own
        // webhook and charger-state updates of the same row when they arrive together (see the module README)
        Simulator.unplug(oemVehicle);
        Simulator.advance("PT6S");
        await().atMost(PATIENCE).until(() -> Api.read(pairs, token, "/pairs/" + pairId, "state"), equalTo("INACTIVE"));
        assertThat(Api.<String> read(pairs, token, "/pairs/" + pairId + "/history", "data[-1].reason"))
                .endsWith("reported unplugged");
    }

    /**
     * GDPR erasure across every service (docs/adr/0011): a linked household with its pair and an action, the user
     * deleted at vehicle-service (202), and then every service's API knows nothing of them, and the OEM grant is gone.
     */
    @Test
    void aDeletedUserIsGoneFromEveryServiceAndTheirGrantIsRevoked() {
        String vehicles = Platform.url("vehicle-service");
        String chargers = Platform.url("charger-service");
        String pairs = Platform.url("pairing-service");
        String orchestration = Platform.url("orchestration-service");
        String statistics = Platform.url("statistics-service");
        String token = Tokens.apiClient("client-" + UUID.randomUUID());
        JsonPath household = Simulator.household("[\"TESLA\"]", "[\"TESLA\"]");
        String userId = household.getString("id");
        String user = "/users/" + userId;
        link(vehicles, token, userId, household);
        String vehicleId = Api.read(vehicles, token, user + "/vehicles", "data[0].id");
        String chargerId = await().atMost(PATIENCE)
                .until(() -> Api.<String> read(chargers, token, user + "/chargers", "data[0].id"), notNullValue());
        String pairId = await().atMost(PATIENCE)
                .until(() -> Api.<String> read(pairs, token, user + "/pairs", "data[0].id"), notNullValue());
        String actionId = await().atMost(PATIENCE).until(() -> given().baseUri(orchestration).auth().oauth2(token)
                .contentType("application/json").body("{\"action\":\"START\"}").post("/vehicles/" + vehicleId
                        + "/charging")
                .then().extract().<String> path("id"), notNullValue());

        given().baseUri(vehicles).auth().oauth2(Tokens.apiClient("other-client")).delete(user).then().statusCode(404);
        given().baseUri(vehicles).auth().oauth2(token).delete(user).then().statusCode(202);

        given().baseUri(vehicles).auth().oauth2(token).get("/vehicles/" + vehicleId).then().statusCode(404);
        await().atMost(PATIENCE).until(() -> given().baseUri(chargers).auth().oauth2(token).get("/chargers/"
                + chargerId).statusCode() == 404);
        await().atMost(PATIENCE).until(() -> given().baseUri(pairs).auth().oauth2(token).get("/pairs/" + pairId)
                .statusCode() == 404);
        await().atMost(PATIENCE).until(() -> given().baseUri(orchestration).auth().oauth2(token).get("/actions/"
                + actionId).statusCode() == 404);
        assertThat(Api.<List<Object>> read(vehicles, token, user + "/vehicles", "data")).isEmpty();
        assertThat(Api.<List<Object>> read(chargers, token, user + "/chargers", "data")).isEmpty();
        assertThat(Api.<List<Object>> read(pairs, token, user + "/pairs", "data")).isEmpty();
        assertThat(Api.<List<Object>> read(statistics, token, "/statistics/charging/sessions?userId=" + userId,
                "data")).isEmpty();
        // vehicle-service revokes the grant at the OEM within its revocation tick
        await().atMost(PATIENCE).until(() -> given().baseUri(Simulator.url()).get("/sandbox/accounts/"
                + household.getString("accounts[0].accountId")).then().extract().<List<String>> path("linkedClients"),
                List::isEmpty);
        given().baseUri(vehicles).auth().oauth2(token).delete(user).then().statusCode(404);
    }

    /** vehicle-service's link flow for the household's one account (vehicle and charger), without a browser. */
    private static void link(String vehicles, String token, String userId, JsonPath household) {
        String linkUrl = given().baseUri(vehicles).auth().oauth2(token).contentType("application/json").body("""
                {"vendor":"TESLA","vendorTypes":["vehicle","charger"],
                 "scopes":["vehicle:read:data","vehicle:control:charging","charger:read:data"],
                 "redirectUri":"%s"}""".formatted(REDIRECT)).post("/users/" + userId + "/link").then()
                .statusCode(201).extract().path("linkUrl");
        assertThat(Simulator.linkInBrowser(linkUrl, household.getString("accounts[0].username"),
                household.getString("accounts[0].password"))).containsEntry("status", "success");
    }
}
