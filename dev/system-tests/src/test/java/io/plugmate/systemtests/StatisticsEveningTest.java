package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.plugmate.testinfra.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * A simulated evening read back as statistics, with nothing stubbed: a Tesla household linked through vehicle-service,
 * its car plugged into its wallbox in the simulator for two hours, the reports pushed as signed webhooks to both device
 * services, pairing-service activating the pair, charger-service recording the native session when the cable comes
 * out — and statistics-service showing that session with the wallbox's true meter difference, attributed to the car
 * through the pair, with the car's own estimate as the cross-check, and hourly buckets that add up to it; then a new
 * link without {@code charger:read:data} hides what the wallbox measured, and one with it shows it again (ADR 0012).
 */
@ExtendWith(Platform.class)
class StatisticsEveningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String REDIRECT = "https://app.example.com/linked";

    @Test
    void aSimulatedEveningIsReadBackAsAnAttributedNativeSessionAndHourlyBuckets() {
        String vehicles = Platform.url("vehicle-service");
        String chargers = Platform.url("charger-service");
        String pairs = Platform.url("pairing-service");
        String statistics = Platform.url("statistics-service");
        String token = Tokens.apiClient("client-" + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> Simulator.webhookUrls("tesla").containsAll(
                List.of(vehicles + "/oem/tesla/webhooks", chargers + "/oem/tesla/webhooks")));

        JsonPath household = Simulator.household("[\"TESLA\"]", "[\"TESLA\"]");
        String userId = household.getString("id");
        String oemVehicle = household.getString("vehicles[0].id");
        String oemCharger = household.getString("chargers[0].id");
        link(vehicles, token, userId, household);
        String vehicleId = await().atMost(PATIENCE).until(
                () -> Api.<String> read(vehicles, token, "/users/" + userId + "/vehicles", "data[0].id"), notNullValue());
        String chargerId = await().atMost(PATIENCE).until(
                () -> Api.<String> read(chargers, token, "/users/" + userId + "/chargers", "data[0].id"), notNullValue());
        String pairId = await().atMost(PATIENCE).until(
                () -> Api.<String> read(pairs, token, "/users/" + userId + "/pairs", "data[0].id"), notNullValue());

        // an evening: the car comes home at 30 %, is plugged in, charges for two hours, and is unplugged
        given().baseUri(Simulator.url()).contentType("application/json").body("{\"batteryLevel\":30}")
                .put("/sandbox/vehicles/" + oemVehicle + "/battery").then().statusCode(200);
        Simulator.advance("PT12M");
        double meterBefore = meter(oemCharger);
        Instant pluggedAt = simulatedNow();
        Simulator.plug(oemVehicle, oemCharger);
        for (int i = 0; i < 12; i++) {
            Simulator.advance("PT10M");
        }
        Simulator.unplug(oemVehicle);
        double meterAfter = meter(oemCharger);
        Instant unpluggedAt = simulatedNow();
        Simulator.advance("PT2M");

        Map<String, Object> session = await().atMost(PATIENCE).until(() -> nativeSession(statistics, token, userId),
                s -> s != null && "ATTRIBUTED".equals(attribution(s).get("status")));
        double trueKwh = meterAfter - meterBefore;
        assertThat(trueKwh).isGreaterThan(10);
        assertThat(((Number) session.get("energyKwh")).doubleValue()).isCloseTo(trueKwh, within(0.0011));
        assertThat(session.get("chargerId")).isEqualTo(chargerId);
        assertThat(session.get("vehicleId")).isEqualTo(vehicleId);
        assertThat(attribution(session).get("pairId")).isEqualTo(pairId);
        assertThat(attribution(session).get("attributedBy")).isEqualTo("DETECTION");
        assertThat(((Number) attribution(session).get("confidence")).doubleValue()).isBetween(0.5, 1.0);
        // the car's own estimate of the same energy stands behind it: the difference is the charging loss
        Object check = await().atMost(PATIENCE).until(() -> nativeSession(statistics, token, userId).get("crossCheck"),
                notNullValue());
        assertThat(((Number) cast((Map<?, ?>) check).get("lossPercent")).doubleValue()).isBetween(3.0, 20.0);

        JsonPath hours = given().baseUri(statistics).auth().oauth2(token)
                .get("/statistics/charging?type=vehicle&id=" + vehicleId + "&resolution=HOUR&startDate="
                        + pluggedAt.minus(Duration.ofHours(1)) + "&endDate=" + unpluggedAt.plus(Duration.ofHours(1)))
                .then().statusCode(200).extract().jsonPath();
        List<Float> kwh = hours.getList("kwhSum", Float.class);
        assertThat(kwh.stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(trueKwh, within(0.01));
        assertThat(kwh.stream().filter(k -> k > 0).count()).isBetween(2L, 4L);

        // docs/adr/0012: a new link for the charger without charger:read:data reaches statistics through vehicle-service
        // (the account's scopes) and charger-service (the charger's, on DeviceUpdated): nothing the wallbox measured is
        // served — only the car's own estimate, without cross-check; the native session is a 404; the charger counts
        // nothing, the car its estimate. A link granting the scope again brings the native session back.
        String nativeId = (String) session.get("id");
        List<?> estimates = (List<?>) cast((Map<?, ?>) check).get("sessionIds");
        double estimated = ((Number) cast((Map<?, ?>) check).get("estimatedKwh")).doubleValue();
        link(vehicles, token, userId, household, "[\"vehicle\",\"charger\"]",
                "[\"vehicle:read:data\",\"vehicle:control:charging\",\"charger:control:charging\"]");
        await().atMost(PATIENCE).until(() -> nativeSession(statistics, token, userId) == null);
        List<Map<String, Object>> listed = sessions(statistics, token, userId);
        assertThat(listed).extracting(s -> s.get("id")).containsExactlyInAnyOrderElementsOf(estimates);
        assertThat(listed).allSatisfy(s -> assertThat(s.get("crossCheck")).isNull());
        given().baseUri(statistics).auth().oauth2(token).get("/statistics/charging/sessions/" + nativeId).then()
                .statusCode(404);
        String window = "&resolution=HOUR&startDate=" + pluggedAt.minus(Duration.ofHours(1)) + "&endDate="
                + unpluggedAt.plus(Duration.ofHours(1));
        assertThat(sum(statistics, token, "type=charger&id=" + chargerId + window)).isZero();
        assertThat(sum(statistics, token, "type=vehicle&id=" + vehicleId + window)).isCloseTo(estimated, within(0.01));

        link(vehicles, token, userId, household);
        Map<String, Object> back = await().atMost(PATIENCE).until(() -> nativeSession(statistics, token, userId),
                s -> s != null && s.get("crossCheck") != null);
        assertThat(back.get("id")).isEqualTo(nativeId);
    }

    private static List<Map<String, Object>> sessions(String statistics, String token, String userId) {
        return given().baseUri(statistics).auth().oauth2(token).get("/statistics/charging/sessions?userId=" + userId)
                .then().statusCode(200).extract().jsonPath().getList("data");
    }

    private static double sum(String statistics, String token, String query) {
        return given().baseUri(statistics).auth().oauth2(token).get("/statistics/charging?" + query).then()
                .statusCode(200).extract().jsonPath().getList("kwhSum", Float.class).stream()
                .mapToDouble(Float::doubleValue).sum();
    }

    private static Map<String, Object> nativeSession(String statistics, String token, String userId) {
        List<Map<String, Object>> data = given().baseUri(statistics).auth().oauth2(token)
                .get("/statistics/charging/sessions?source=NATIVE&userId=" + userId).then().extract().jsonPath()
                .getList("data");
        return data == null || data.isEmpty() ? null : data.getFirst();
    }

    private static Map<String, Object> attribution(Map<String, Object> session) {
        return cast((Map<?, ?>) session.get("attribution"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The wallbox's true lifetime meter (the sandbox shows what no OEM report rounds). */
    private static double meter(String oemCharger) {
        return given().baseUri(Simulator.url()).get("/sandbox/chargers/" + oemCharger).then().statusCode(200)
                .extract().jsonPath().getDouble("energyMeterKwh");
    }

    private static Instant simulatedNow() {
        return Instant.parse(given().baseUri(Simulator.url()).get("/sandbox/time").then().statusCode(200).extract()
                .jsonPath().getString("now"));
    }

    /** vehicle-service's link flow for the household's one account (vehicle and charger), without a browser. */
    private static void link(String vehicles, String token, String userId, JsonPath household) {
        link(vehicles, token, userId, household, "[\"vehicle\",\"charger\"]",
                "[\"vehicle:read:data\",\"vehicle:control:charging\",\"charger:read:data\"]");
    }

    /** A link of the account for these device types (JSON arrays), with these scopes: a new consent for them. */
    private static void link(String vehicles, String token, String userId, JsonPath household, String types,
            String scopes) {
        String linkUrl = given().baseUri(vehicles).auth().oauth2(token).contentType("application/json").body("""
                {"vendor":"TESLA","vendorTypes":%s,"scopes":%s,"redirectUri":"%s"}""".formatted(types, scopes,
                REDIRECT)).post("/users/" + userId + "/link").then().statusCode(201).extract().path("linkUrl");
        assertThat(Simulator.linkInBrowser(linkUrl, household.getString("accounts[0].username"),
                household.getString("accounts[0].password"))).containsEntry("status", "success");
    }
}
