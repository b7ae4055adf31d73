package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import io.plugmate.testinfra.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * One simulated household of one API client, linked through vehicle-service's real flow (one OEM account per vendor),
 * its devices listed by both device services and its pair by pairing-service. Ids: {@code oem…} are the simulator's,
 * the others the platform's.
 */
final class Household {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String REDIRECT = "https://app.example.com/linked";

    final String clientId = "client-" + UUID.randomUUID();
    final String token = Tokens.apiClient(clientId);
    final String userId;
    final String oemVehicle;
    final String oemCharger;
    final String vehicleId;
    final String chargerId;
    final String pairId;

    /** A household with one car and one wallbox of these vendors, the car at 40 %, both linked and paired. */
    Household(String vehicleVendor, String chargerVendor) {
        String vehicles = Platform.url("vehicle-service");
        String chargers = Platform.url("charger-service");
        await().atMost(PATIENCE).until(() -> Simulator.webhookUrls(vehicleVendor).contains(vehicles
                + "/oem/" + vehicleVendor.toLowerCase() + "/webhooks")
                && Simulator.webhookUrls(chargerVendor).contains(chargers + "/oem/" + chargerVendor.toLowerCase()
                        + "/webhooks"));
        JsonPath household = Simulator.household("[\"" + vehicleVendor + "\"]", "[\"" + chargerVendor + "\"]");
        userId = household.getString("id");
        oemVehicle = household.getString("vehicles[0].id");
        oemCharger = household.getString("chargers[0].id");
        given().baseUri(Simulator.url()).contentType("application/json").body("{\"batteryLevel\":40}")
                .put("/sandbox/vehicles/" + oemVehicle + "/battery").then().statusCode(200);
        link(household, vehicleVendor, "vehicle", "[\"vehicle:read:data\",\"vehicle:control:charging\"]");
        link(household, chargerVendor, "charger", "[\"charger:read:data\",\"charger:control:charging\"]");
        vehicleId = await().atMost(PATIENCE).until(() -> Api.<String> read(vehicles, token, "/users/" + userId
                + "/vehicles", "data[0].id"), notNullValue());
        chargerId = await().atMost(PATIENCE).until(() -> Api.<String> read(chargers, token, "/users/" + userId
                + "/chargers", "data[0].id"), notNullValue());
        pairId = await().atMost(PATIENCE).until(() -> Api.<String> read(Platform.url("pairing-service"), token,
                "/users/" + userId + "/pairs", "data[0].id"), notNullValue());
        // idle reports of both, and orchestration has heard of both devices and their pair
        Simulator.advance("PT12M");
        orchestrationCaughtUp();
    }

    /**
     * The car is plugged into the wallbox and starts charging; the pair is confirmed by a person (detection alone
     * might wait for more reports from vendors without charge rates) and orchestration has seen it all.
     */
    Household plugged() {
        return plugIn("confirm", "ACTIVE");
    }

    /**
     * The car is plugged into the wallbox, but a person said it is not (a rejected pair stays established, never
     * activated): the pair is only established while both report being plugged in.
     */
    Household pluggedButNotPaired() {
        return plugIn("reject", "INACTIVE");
    }

    private Household plugIn(String verdict, String pairState) {
        Simulator.plug(oemVehicle, oemCharger);
        // past the next idle report of the slowest car (7 min), so every device has reported the plug-in
        Simulator.advance("PT8M");
        given().baseUri(Platform.url("pairing-service")).auth().oauth2(token).post("/pairs/" + pairId + "/" + verdict)
                .then().statusCode(200);
        // pairing takes a report only once the other device's stream has shown something as new (ADR 0008): a
        // world whose time stands still can leave the last report of the plug-in waiting, so time moves on until the
        // pair shows the verdict, as real devices go on reporting (the fault suite waits the same way)
        await().atMost(PATIENCE).pollInterval(java.time.Duration.ofSeconds(2)).until(() -> {
            boolean reached = pairState.equals(Api.read(Platform.url("pairing-service"), token, "/pairs/" + pairId,
                    "state"));
            if (!reached) {
                Simulator.advance("PT20S");
            }
            return reached;
        });
        orchestrationCaughtUp();
        return this;
    }

    void orchestrationCaughtUp() {
        Kafka.awaitConsumed("orchestration-service", "device-lifecycle", "pair-events", "vehicle-state",
                "charger-state");
    }

    /** vehicle-service's link flow for one vendor account of the household, without a browser. */
    private void link(JsonPath household, String vendor, String type, String scopes) {
        String vehicles = Platform.url("vehicle-service");
        String account = "accounts.find { it.vendor == '" + vendor + "' }";
        String linkUrl = given().baseUri(vehicles).auth().oauth2(token).contentType("application/json").body("""
                {"vendor":"%s","vendorTypes":["%s"],"scopes":%s,"redirectUri":"%s"}""".formatted(vendor, type, scopes,
                REDIRECT)).post("/users/" + userId + "/link").then().statusCode(201).extract().path("linkUrl");
        assertThat(Simulator.linkInBrowser(linkUrl, household.getString(account + ".username"),
                household.getString(account + ".password"))).containsEntry("status", "success");
    }
}
