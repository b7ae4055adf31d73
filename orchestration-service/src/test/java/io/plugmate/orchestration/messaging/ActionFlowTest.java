package io.plugmate.orchestration.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.events.ActionState;
import io.plugmate.events.ActionUpdated;
import io.plugmate.events.CapabilitiesChanged;
import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.events.PairedDevice;
import io.plugmate.events.Topics;
import io.plugmate.events.UnlockedBy;
import io.plugmate.orchestration.Household;
import io.plugmate.orchestration.Topic;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The life of actions over real Kafka: the device services are played by the test (it reads the commands and answers
 * with results and state reports, as they would).
 */
@QuarkusTest
class ActionFlowTest {

    @Inject
    MeterRegistry metrics;

    static String start(Household h, String type, String id) {
        return given().auth().oauth2(h.token()).contentType("application/json").body("{\"action\":\"START\"}")
                .post("/" + type + "s/" + id + "/charging").then().statusCode(201).extract().path("id");
    }

    static String stop(Household h, String type, String id) {
        return given().auth().oauth2(h.token()).contentType("application/json").body("{\"action\":\"STOP\"}")
                .post("/" + type + "s/" + id + "/charging").then().statusCode(201).extract().path("id");
    }

    static String state(Household h, String actionId) {
        return given().auth().oauth2(h.token()).get("/actions/" + actionId).then().extract().path("state");
    }

    static JsonPath action(Household h, String actionId) {
        return given().auth().oauth2(h.token()).get("/actions/" + actionId).then().statusCode(200).extract()
                .jsonPath();
    }

    static JsonPath plan(Household h, String actionId) {
        return given().auth().oauth2(h.token()).get("/actions/" + actionId + "/plan").then().statusCode(200)
                .extract().jsonPath();
    }

    static void awaitState(Household h, String actionId, String state) {
        await().atMost(Topic.PATIENCE).until(() -> state.equals(state(h, actionId)));
    }

    @Test
    void aVehicleWithoutControlsStartsThroughItsActivePairAndIsConfirmedByTheChargersReport() {
        double confirmedBefore = outcomes("start", "confirmed", "none");
        Household h = Household.voltraWithWallbox().activated();
        try (var commands = Topic.of(Topics.CHARGER_COMMANDS, DeviceCommand.class, h.clientId);
                var updates = Topic.of(Topics.ACTION_EVENTS, ActionUpdated.class, h.clientId);
                var capabilities = Topic.of(Topics.CAPABILITY_EVENTS, CapabilitiesChanged.class, h.clientId)) {
            CapabilitiesChanged unlocked = capabilities.await(c -> c.deviceId().equals(h.vehicleId));
            assertThat(unlocked.capabilities().get("startCharging").unlockedBy())
                    .isEqualTo(UnlockedBy.charger(h.pairId, h.chargerId));
            h.chargerReports(true, false, 32.0);
            h.awaitReport(h.chargerId, "is_charging", "false");

            String id = start(h, "vehicle", h.vehicleId);
            assertThat(state(h, id)).isEqualTo("PENDING");
            DeviceCommand command = commands.await(c -> c.actionId().toString().equals(id));
            assertThat(command.deviceType()).isEqualTo(DeviceType.CHARGER);
            assertThat(command.deviceId()).isEqualTo(h.chargerId);
            assertThat(command.kind()).isEqualTo(CommandKind.START);
            assertThat(commands.records()).filteredOn(r -> r.value().contains(id)).singleElement()
                    .satisfies(r -> assertThat(r.key()).isEqualTo(h.chargerId));

            h.result(command, CommandOutcome.ACCEPTED, null);
            h.chargerReports(true, true, 32.0);
            awaitState(h, id, "CONFIRMED");

            JsonPath plan = plan(h, id);
            assertThat(plan.getList("decisions[0].routes.via")).containsExactly("DIRECT", "PAIR");
            assertThat(plan.getList("decisions[0].routes.taken")).containsExactly(false, true);
            assertThat(plan.getString("decisions[0].routes[0].checks[0].detail")).contains("does not offer "
                    + "startCharging");
            assertThat(plan.getString("decisions[0].routes[1].checks[2].detail")).contains("ACTIVE (confidence 0.91)");
            assertThat(plan.getString("steps[0].result.outcome")).isEqualTo("ACCEPTED");
            assertThat(plan.getString("observations[-1].effect")).isEqualTo("CONFIRMS");
            assertThat(plan.getList("transitions.state")).containsExactly("PENDING", "CONFIRMED");
            ActionUpdated confirmed = updates.await(u -> u.actionId().toString().equals(id)
                    && u.state() == ActionState.CONFIRMED);
            assertThat(confirmed.pairedDevice()).isEqualTo(new PairedDevice(h.pairId, DeviceType.CHARGER,
                    h.chargerId));
            assertThat(updates.records()).filteredOn(r -> r.value().contains(id)).extracting(r -> r.key())
                    .containsOnly(h.vehicleId);
        }
        assertThat(outcomes("start", "confirmed", "none")).isGreaterThanOrEqualTo(confirmedBefore + 1);
    }

    @Test
    void withCommandOrchestrationOffTheStartIsCancelledWithTheReasonAndTheUnlockWithdrawn() {
        Household h = Household.voltraWithWallbox().activated();
        try (var capabilities = Topic.of(Topics.CAPABILITY_EVENTS, CapabilitiesChanged.class, h.clientId)) {
            capabilities.await(c -> c.deviceId().equals(h.vehicleId) && c.capabilities().get("startCharging")
                    .isCapable());
            given().auth().oauth2(Tokens.admin("ops")).contentType("application/json")
                    .body("{\"features\":{\"command-orchestration\":false}}")
                    .put("/admin/clients/" + h.clientId + "/features").then().statusCode(200);
            capabilities.await(c -> c.deviceId().equals(h.vehicleId) && !c.capabilities().get("startCharging")
                    .isCapable());

            String id = start(h, "vehicle", h.vehicleId);

            JsonPath action = action(h, id);
            assertThat(action.getString("state")).isEqualTo("CANCELLED");
            assertThat(action.getString("failureReason.type")).isEqualTo("FEATURE_DISABLED");
            assertThat(action.getString("failureReason.detail")).startsWith("Command-orchestration is off for this "
                    + "client.");
            assertThat(action.getString("completedAt")).isNotNull();
        }
    }

    @Test
    void aChargerIsNotCommandedWhileItsPairIsOnlyEstablished() {
        Household h = Household.voltraWithWallbox().established();
        try (var commands = Topic.of(Topics.CHARGER_COMMANDS, DeviceCommand.class, h.clientId)) {
            String id = start(h, "vehicle", h.vehicleId);

            JsonPath action = action(h, id);
            assertThat(action.getString("state")).isEqualTo("CANCELLED");
            assertThat(action.getString("failureReason.type")).isEqualTo("PAIR_NOT_ACTIVE");
            assertThat(action.getString("failureReason.detail")).contains("not plugged into a known charger");
            assertThat(plan(h, id).getList("steps")).isEmpty();
            assertThat(commands.all()).isEmpty();
        }
    }

    @Test
    void anOemRefusalEndsFailedWithTheOemsReason() {
        double refusedBefore = outcomes("start", "failed", "oem_refused");
        Household h = Household.voltraWithWallbox().activated();
        try (var commands = Topic.of(Topics.CHARGER_COMMANDS, DeviceCommand.class, h.clientId)) {
            String id = start(h, "vehicle", h.vehicleId);
            DeviceCommand command = commands.await(c -> c.actionId().toString().equals(id));

            h.result(command, CommandOutcome.REJECTED, "OEM answered 409: charging is locked by the owner");

            awaitState(h, id, "FAILED");
            assertThat(action(h, id).getString("failureReason.type")).isEqualTo("OEM_REFUSED");
            assertThat(action(h, id).getString("failureReason.detail"))
                    .isEqualTo("OEM answered 409: charging is locked by the owner");
        }
        assertThat(outcomes("start", "failed", "oem_refused")).isGreaterThanOrEqualTo(refusedBefore + 1);
    }

    @Test
    void pastTheVendorsDeadlineItFails() {
        Household h = new Household().vehicle("VOLTRA", Household.NO_CONTROLS)
                .charger("SLOWPOKE", Household.FULL, Household.THREE_PHASE).activated();

        String id = start(h, "vehicle", h.vehicleId);

        awaitState(h, id, "FAILED");
        JsonPath action = action(h, id);
        assertThat(action.getString("failureReason.type")).isEqualTo("DEADLINE_PASSED");
        assertThat(action.getString("failureReason.detail")).contains("PT2S for SLOWPOKE devices");
        assertThat(plan(h, id).getString("deadlineRule")).isEqualTo("PT2S for SLOWPOKE devices");
    }

    @Test
    void aSecondActionCancelsTheFirstAndTheSameRequestAgainIsTheSameAction() {
        Household h = Household.voltraWithWallbox().activated();
        String first = start(h, "vehicle", h.vehicleId);
        String again = given().auth().oauth2(h.token()).contentType("application/json")
                .body("{\"action\":\"START\"}").post("/vehicles/" + h.vehicleId + "/charging").then().statusCode(200)
                .extract().path("id");

        String second = stop(h, "vehicle", h.vehicleId);

        assertThat(again).isEqualTo(first);
        assertThat(state(h, first)).isEqualTo("CANCELLED");
        assertThat(action(h, first).getString("failureReason.type")).isEqualTo("SUPERSEDED");
        assertThat(action(h, first).getString("failureReason.detail")).contains(second);
        assertThat(state(h, second)).isEqualTo("PENDING");
        // a charger action on the charger the vehicle's action went through replaces it too: one action per device
        String third = start(h, "charger", h.chargerId);
        assertThat(state(h, second)).isEqualTo("CANCELLED");
        assertThat(state(h, third)).isEqualTo("PENDING");
    }

    @Test
    void maxPowerOnAThreePhaseChargerSendsTenPointSevenAmps() {
        Household h = Household.voltraWithWallbox().activated();
        try (var commands = Topic.of(Topics.CHARGER_COMMANDS, DeviceCommand.class, h.clientId)) {
            String id = given().auth().oauth2(h.token()).contentType("application/json")
                    .body("{\"maxPowerKw\":7.4}").post("/vehicles/" + h.vehicleId + "/max-power").then()
                    .statusCode(201).body("targetSettings.maxPowerKw", equalTo(7.4f)).extract().path("id");

            DeviceCommand command = commands.await(c -> c.actionId().toString().equals(id));
            assertThat(command.kind()).isEqualTo(CommandKind.SET_MAX_CURRENT);
            assertThat(command.maxCurrentA()).isEqualTo(10.7);
            assertThat(command.maxPowerKw()).isEqualTo(7.4);
            assertThat(plan(h, id).getString("decisions[0].current.explanation")).startsWith(
                    "7.4 kW ÷ (3 phases × 230 V) = 10.72 A, rounded down to 10.7 A");

            h.chargerReports(true, true, 10.0);
            awaitState(h, id, "CONFIRMED");
        }
    }

    @Test
    void aTransientFailureIsRetriedAsANewCommandWithinTheDeadline() {
        Household h = Household.voltraWithWallbox().activated();
        try (var commands = Topic.of(Topics.CHARGER_COMMANDS, DeviceCommand.class, h.clientId)) {
            String id = start(h, "vehicle", h.vehicleId);
            DeviceCommand first = commands.await(c -> c.actionId().toString().equals(id));

            h.result(first, CommandOutcome.FAILED, "OEM answered 503: try later");

            DeviceCommand second = commands.await(c -> c.actionId().toString().equals(id)
                    && !c.commandId().equals(first.commandId()));
            assertThat(second.deviceId()).isEqualTo(h.chargerId);
            assertThat(state(h, id)).isEqualTo("PENDING");
            JsonPath plan = plan(h, id);
            assertThat(plan.getList("steps.attempt")).containsExactly(1, 2);
            assertThat(plan.getString("steps[0].result.reason")).isEqualTo("OEM answered 503: try later");
            assertThat(plan.getList("decisions.trigger")).containsExactly("created", "retry");
        }
    }

    @Test
    void whenThePairDeactivatesWhilePendingTheActionIsCancelled() {
        Household h = Household.voltraWithWallbox().activated();
        String id = start(h, "vehicle", h.vehicleId);

        h.deactivated("vehicle reported unplugged");

        awaitState(h, id, "CANCELLED");
        assertThat(action(h, id).getString("failureReason.type")).isEqualTo("PAIR_DEACTIVATED");
        assertThat(action(h, id).getString("failureReason.detail")).startsWith("Pair " + h.pairId
                + " was deactivated (vehicle reported unplugged) while the action was pending.");
        assertThat(plan(h, id).getList("decisions.trigger")).containsExactly("created",
                "pair " + h.pairId + " was deactivated (vehicle reported unplugged)");
    }

    @Test
    void aStartOnAnUnpluggedVehicleIsCancelledAtOnce() {
        Household h = new Household().vehicle("TESLA", Household.FULL);
        h.vehicleReports(false, false);
        h.awaitReport(h.vehicleId, "is_plugged_in", "false");

        String id = start(h, "vehicle", h.vehicleId);

        assertThat(action(h, id).getString("failureReason.type")).isEqualTo("NOT_PLUGGED_IN");
    }

    @Test
    void underUnifiedControlsAChargerWithoutStartStopStartsThroughItsVehicle() {
        Household h = new Household().vehicle("TESLA", Household.FULL)
                .charger("BASIC", Household.NO_CONTROLS, Household.THREE_PHASE).activated();
        try (var commands = Topic.of(Topics.VEHICLE_COMMANDS, DeviceCommand.class, h.clientId);
                var capabilities = Topic.of(Topics.CAPABILITY_EVENTS, CapabilitiesChanged.class, h.clientId)) {
            String refused = start(h, "charger", h.chargerId);
            assertThat(action(h, refused).getString("failureReason.type")).isEqualTo("FEATURE_DISABLED");

            given().auth().oauth2(Tokens.admin("ops")).contentType("application/json")
                    .body("{\"features\":{\"unified-charger-controls\":true}}")
                    .put("/admin/clients/" + h.clientId + "/features").then().statusCode(200);
            CapabilitiesChanged unlocked = capabilities.await(c -> c.deviceId().equals(h.chargerId)
                    && c.capabilities().get("startCharging").isCapable());
            assertThat(unlocked.capabilities().get("startCharging").unlockedBy())
                    .isEqualTo(UnlockedBy.vehicle(h.pairId, h.vehicleId));

            String id = start(h, "charger", h.chargerId);
            DeviceCommand command = commands.await(c -> c.actionId().toString().equals(id));
            assertThat(command.deviceId()).isEqualTo(h.vehicleId);
            assertThat(List.of(command.kind())).containsExactly(CommandKind.START);
        }
    }

    /** plugmate.actions.outcomes so far (other tests' actions may add to it, never take away). */
    private double outcomes(String kind, String outcome, String reason) {
        var counter = metrics.find("plugmate.actions.outcomes").tags("kind", kind, "outcome", outcome, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
