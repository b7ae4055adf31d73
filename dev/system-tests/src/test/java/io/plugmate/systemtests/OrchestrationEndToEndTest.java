package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * Charging controlled through the pair with nothing stubbed: households of the simulator linked through
 * vehicle-service, their chargers found by charger-service, pairs from pairing-service, actions from
 * orchestration-service, commands executed by the device services at the simulated OEM clouds, and confirmations
 * from the state the simulator reports. VOLTRA is the simulator's brand without start/stop; a TESLA Wall Connector is
 * three-phase, 230 V, 6–32 A; the platform runs orchestration with a 20 s deadline for WATTBOX chargers.
 */
@ExtendWith(Platform.class)
class OrchestrationEndToEndTest {

    private static final String CHARGER_COMMANDS = "charger-commands";

    /** A VOLTRA plugged into a TESLA Wall Connector: what most tests here act on (each leaves it usable). */
    private static Household voltraAtTesla;

    private static synchronized Household voltraAtTesla() {
        if (voltraAtTesla == null) {
            voltraAtTesla = new Household("VOLTRA", "TESLA").plugged();
        }
        return voltraAtTesla;
    }

    private static String orchestration() {
        return Platform.url("orchestration-service");
    }

    private static JsonPath create(Household h, String path, String body) {
        return given().baseUri(orchestration()).auth().oauth2(h.token).contentType("application/json").body(body)
                .post(path).then().statusCode(201).extract().jsonPath();
    }

    private static String charging(Household h, String action) {
        return create(h, "/vehicles/" + h.vehicleId + "/charging", "{\"action\":\"" + action + "\"}")
                .getString("id");
    }

    private static JsonPath action(Household h, String id) {
        return given().baseUri(orchestration()).auth().oauth2(h.token).get("/actions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath plan(Household h, String id) {
        return given().baseUri(orchestration()).auth().oauth2(h.token).get("/actions/" + id + "/plan").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Moves simulated time in steps (commands take 1-15 s, charging starts 5-30 s later) until the action ends. */
    private static String awaitEnd(Household h, String id) {
        await().atMost(Household.PATIENCE).until(() -> {
            if ("PENDING".equals(action(h, id).getString("state"))) {
                Simulator.advance("PT20S");
                return false;
            }
            return true;
        });
        return action(h, id).getString("state");
    }

    @Test
    void aVehicleWithoutStartStopStartsThroughItsPairedChargerAndIsConfirmedWhenChargingStarts() {
        Household h = voltraAtTesla();
        // it charges since the plug-in: stop it first, through the charger, so that the start has something to do
        String stop = charging(h, "STOP");
        assertThat(awaitEnd(h, stop)).isEqualTo("CONFIRMED");

        String start = charging(h, "START");
        assertThat(action(h, start).getString("state")).isEqualTo("PENDING");
        assertThat(awaitEnd(h, start)).isEqualTo("CONFIRMED");

        // the charging report that confirms the action can arrive before the OEM's answer to the command
        await().atMost(Household.PATIENCE).until(() -> plan(h, start).getString("steps[0].result.outcome"),
                org.hamcrest.Matchers.notNullValue());
        JsonPath plan = plan(h, start);
        assertThat(plan.getList("decisions[0].routes.via")).containsExactly("DIRECT", "PAIR");
        assertThat(plan.getList("decisions[0].routes.taken")).containsExactly(false, true);
        assertThat(plan.getString("decisions[0].routes[0].checks[0].detail")).contains("does not offer startCharging");
        assertThat(plan.getString("decisions[0].routes[1].deviceId")).isEqualTo(h.chargerId);
        assertThat(plan.getString("steps[0].deviceId")).isEqualTo(h.chargerId);
        assertThat(plan.getString("steps[0].result.outcome")).isEqualTo("ACCEPTED");
        assertThat(plan.getString("observations[-1].effect")).isEqualTo("CONFIRMS");
        assertThat(plan.getBoolean("observations[-1].isCharging")).isTrue();

        // a second action on the vehicle cancels the first
        String first = charging(h, "START");
        String second = charging(h, "STOP");
        assertThat(action(h, first).getString("state")).isEqualTo("CANCELLED");
        assertThat(action(h, first).getString("failureReason.type")).isEqualTo("SUPERSEDED");
        assertThat(action(h, first).getString("failureReason.detail")).contains(second);
        assertThat(action(h, second).getString("state")).isIn("PENDING", "CONFIRMED");
    }

    @Test
    void withCommandOrchestrationOffTheSameStartIsCancelledWithTheReason() {
        Household h = voltraAtTesla();
        String features = "/admin/clients/" + h.clientId + "/features";
        given().baseUri(orchestration()).auth().oauth2(Tokens.admin("ops")).contentType("application/json")
                .body("{\"features\":{\"command-orchestration\":false}}").put(features).then().statusCode(200);
        try {
            JsonPath action = action(h, charging(h, "START"));

            assertThat(action.getString("state")).isEqualTo("CANCELLED");
            assertThat(action.getString("failureReason.type")).isEqualTo("FEATURE_DISABLED");
            assertThat(action.getString("failureReason.detail")).startsWith("Command-orchestration is off");
        } finally {
            given().baseUri(orchestration()).auth().oauth2(Tokens.admin("ops")).contentType("application/json")
                    .body("{\"features\":{}}").put(features).then().statusCode(200);
        }
    }

    @Test
    void aChargerIsNotCommandedWhileItsPairIsOnlyEstablished() {
        // unplugged: the vehicle's own report already rules the start out
        Household h = new Household("VOLTRA", "ZAPLINE");
        assertThat(action(h, charging(h, "START")).getString("failureReason.type")).isEqualTo("NOT_PLUGGED_IN");

        // plugged in, but the pair is not ACTIVE: the charger is not commanded through it
        h.pluggedButNotPaired();
        try (var commands = KafkaTestClient.reader(CHARGER_COMMANDS)) {
            String id = charging(h, "STOP");

            JsonPath action = action(h, id);
            assertThat(action.getString("state")).isEqualTo("CANCELLED");
            assertThat(action.getString("failureReason.type")).isEqualTo("PAIR_NOT_ACTIVE");
            assertThat(action.getString("failureReason.detail")).contains("not plugged into a known charger");
            assertThat(plan(h, id).getList("steps")).isEmpty();
            assertThat(commands.poll()).noneMatch(r -> r.value().contains(h.chargerId));
        }
    }

    @Test
    void anOemRefusalEndsFailedWithTheOemsReason() {
        Household h = voltraAtTesla();
        String refusal = "/sandbox/devices/" + h.oemCharger + "/command-refusal";
        given().baseUri(Simulator.url()).contentType("application/json")
                .body("{\"reason\":\"Charging is locked by the owner's schedule\"}").put(refusal).then()
                .statusCode(200);
        try {
            String id = charging(h, "STOP");

            assertThat(awaitEnd(h, id)).isEqualTo("FAILED");
            assertThat(action(h, id).getString("failureReason.type")).isEqualTo("OEM_REFUSED");
            assertThat(action(h, id).getString("failureReason.detail"))
                    .contains("Charging is locked by the owner's schedule");
        } finally {
            given().baseUri(Simulator.url()).delete(refusal).then().statusCode(204);
        }
    }

    @Test
    void pastItsDeadlineAnActionEndsFailed() {
        Household h = new Household("VOLTRA", "WATTBOX").plugged();

        // simulated time stands still: the command is accepted but never executed, so nothing shows the effect
        String id = charging(h, "STOP");

        await().atMost(Household.PATIENCE).until(() -> "FAILED".equals(action(h, id).getString("state")));
        assertThat(action(h, id).getString("failureReason.type")).isEqualTo("DEADLINE_PASSED");
        assertThat(action(h, id).getString("failureReason.detail")).contains("PT20S for WATTBOX devices");
        assertThat(plan(h, id).getString("steps[0].result.outcome")).isEqualTo("ACCEPTED");
    }

    /** The Wall Connector's supply comes from charger-service's DeviceLinked (its OEM lists it). */
    @Test
    void setMaxPowerOnAThreePhaseChargerSendsTenPointSevenAmps() {
        Household h = voltraAtTesla();
        try (var commands = KafkaTestClient.reader(CHARGER_COMMANDS)) {
            String id = create(h, "/vehicles/" + h.vehicleId + "/max-power", "{\"maxPowerKw\":7.4}").getString("id");

            assertThat(action(h, id).getString("failureReason")).isNull();
            await().atMost(Household.PATIENCE).until(() -> commands.poll().stream()
                    .anyMatch(r -> r.value().contains(id)));
            JsonPath command = commands.poll().stream().filter(r -> r.value().contains(id))
                    .map(r -> JsonPath.from(r.value())).findFirst().orElseThrow();
            assertThat(command.getString("deviceId")).isEqualTo(h.chargerId);
            assertThat(command.getString("kind")).isEqualTo("SET_MAX_CURRENT");
            assertThat(command.getDouble("maxCurrentA")).isCloseTo(10.7, within(0.05));
            assertThat(plan(h, id).getString("decisions[0].current.explanation")).contains("3 phases × 230 V");
            assertThat(awaitEnd(h, id)).isEqualTo("CONFIRMED");
        }
    }

    /** vehicle-service shows what orchestration's capability-events unlock. */
    @Test
    void theVehicleViewShowsStartChargingUnlockedThroughThePair() {
        Household h = voltraAtTesla();

        await().atMost(Household.PATIENCE).until(() -> h.chargerId.equals(Api.read(Platform.url("vehicle-service"),
                h.token, "/vehicles/" + h.vehicleId, "capabilities.startCharging.unlockedBy.chargerId")));
        Map<String, Object> start = given().baseUri(Platform.url("vehicle-service")).auth().oauth2(h.token)
                .get("/vehicles/" + h.vehicleId).then().statusCode(200).extract().jsonPath()
                .getMap("capabilities.startCharging");
        assertThat(start).containsEntry("isCapable", true);
    }
}
