package io.plugmate.orchestration.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

import io.plugmate.orchestration.Household;
import io.plugmate.orchestration.Topic;
import io.plugmate.testinfra.Statements;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 14: each statement of a command POST costs more CPU in the reactive stack than PostgreSQL's work, so the
 * statements one POST sends are pinned here (counted, never timed). A command was 11–13: the device read before the
 * user's lock and again after it, the toggles, the Idempotency-Key, the pairs, the other device, the pending actions of
 * the target and of the route one by one, and one outbox insert per event. Now the lock is taken by the statement that
 * finds the device's user, the device is read once after it with the toggles and the key's action, the pairs with their
 * other devices, the pending actions of target and route together, and the POST's events in one outbox insert.
 * <p>
 * The action clock is paused and the service quiet before each POST, so only the POST's statements are counted.
 */
@QuarkusTest
class CommandStatementsTest {

    private static final String START = "{\"action\":\"START\"}";

    @Inject
    Scheduler scheduler;

    private static final ThrowingConsumer<String> LOCK = s -> assertThat(s).startsWith("insert into user_lock")
            .contains(" from device ").contains("on conflict").contains("returning user_id");
    private static final ThrowingConsumer<String> DEVICE_TOGGLES_AND_KEY = s -> assertThat(s).startsWith("select")
            .contains(" from device ").contains("left join client_features ").contains("left join action ");
    private static final ThrowingConsumer<String> PAIRS_AND_OTHER_DEVICES = s -> assertThat(s).startsWith("select")
            .contains(" from pair ").contains("left join device ");
    private static final ThrowingConsumer<String> PENDING = s -> assertThat(s).startsWith("select")
            .contains(" from action ").doesNotContain(" join ");
    private static final ThrowingConsumer<String> NEW_ACTION = s -> assertThat(s).startsWith("insert into action ");
    private static final ThrowingConsumer<String> REPLACED_ACTION = s -> assertThat(s).startsWith("update action ");
    private static final ThrowingConsumer<String> EVENTS = s -> assertThat(s).startsWith("insert into outbox_event ")
            .contains("unnest");

    private static Response post(Household h, String path, String body) {
        return given().auth().oauth2(h.token()).contentType("application/json").body(body).post(path);
    }

    /** A household whose charger reported being plugged in and not charging: a START is sent, not cancelled. */
    private static Household pluggedIn() {
        Household h = Household.voltraWithWallbox().activated();
        h.chargerReports(true, false, 32.0);
        h.awaitReport(h.chargerId, "is_charging", "false");
        return h;
    }

    /** A request's answer and the statements it sent. */
    private record Sent(Response response, List<String> statements) {
    }

    /** One request, with nothing else running: the clock paused, the consumers idle. */
    private Sent send(Supplier<Response> request) {
        scheduler.pause();
        try {
            await().atMost(Topic.PATIENCE).pollDelay(Duration.ZERO)
                    .until(() -> Statements.during(() -> sleep(Duration.ofMillis(400))).isEmpty());
            Response[] response = new Response[1];
            List<String> statements = Statements.during(() -> response[0] = request.get());
            return new Sent(response[0], statements);
        } finally {
            scheduler.resume();
        }
    }

    /** A command that creates a PENDING action (it sends a command) in six statements. */
    private Sent assertSixStatementsForAPendingAction(Supplier<Response> request, String what) {
        Sent sent = send(request);
        sent.response().then().statusCode(201).body("state", equalTo("PENDING"));
        assertThat(sent.statements()).as("statements of %s", what).satisfiesExactly(LOCK, DEVICE_TOGGLES_AND_KEY,
                PAIRS_AND_OTHER_DEVICES, PENDING, NEW_ACTION, EVENTS);
        return sent;
    }

    @Test
    void aVehicleCommandThroughItsPairIsSixStatements() {
        Household h = pluggedIn();

        Sent sent = assertSixStatementsForAPendingAction(
                () -> post(h, "/vehicles/" + h.vehicleId + "/charging", START), "a vehicle START through its pair");

        given().auth().oauth2(h.token()).get("/actions/" + sent.response().path("id") + "/plan").then()
                .body("decisions[0].routes.taken", equalTo(List.of(false, true)));
    }

    @Test
    void aChargerCommandWithAnIdempotencyKeyIsSixStatements() {
        Household h = pluggedIn();
        String key = "key-" + UUID.randomUUID();

        Sent sent = assertSixStatementsForAPendingAction(() -> given().auth().oauth2(h.token())
                .header("Idempotency-Key", key).contentType("application/json").body(START)
                .post("/chargers/" + h.chargerId + "/charging"), "a charger START on its own OEM");

        given().auth().oauth2(h.token()).header("Idempotency-Key", key).contentType("application/json").body(START)
                .post("/chargers/" + h.chargerId + "/charging").then().statusCode(200)
                .body("id", equalTo(sent.response().path("id")));
    }

    @Test
    void aCommandReplacingAPendingOneIsSevenStatements() {
        Household h = pluggedIn();
        String first = post(h, "/vehicles/" + h.vehicleId + "/charging", START).then().statusCode(201).extract()
                .path("id");

        Sent sent = send(() -> post(h, "/vehicles/" + h.vehicleId + "/charging", "{\"action\":\"STOP\"}"));

        sent.response().then().statusCode(201);
        given().auth().oauth2(h.token()).get("/actions/" + first).then().statusCode(200)
                .body("failureReason.type", equalTo("SUPERSEDED"));
        assertThat(sent.statements()).as("statements of a STOP replacing the pending START").satisfiesExactly(LOCK,
                DEVICE_TOGGLES_AND_KEY, PAIRS_AND_OTHER_DEVICES, PENDING, REPLACED_ACTION, NEW_ACTION, EVENTS);
    }

    @Test
    void cancellingIsFourStatements() {
        Household h = pluggedIn();
        String id = post(h, "/vehicles/" + h.vehicleId + "/charging", START).then().statusCode(201).extract()
                .path("id");

        Sent sent = send(() -> given().auth().oauth2(h.token()).post("/actions/" + id + "/cancel"));

        sent.response().then().statusCode(200).body("state", equalTo("CANCELLED"));
        assertThat(sent.statements()).as("statements of a cancel").satisfiesExactly(
                s -> assertThat(s).startsWith("insert into user_lock").contains(" from action ")
                        .contains("returning user_id"),
                s -> assertThat(s).startsWith("select").contains(" from action "), REPLACED_ACTION, EVENTS);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
