package io.plugmate.orchestration.api;

import static io.plugmate.orchestration.api.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.orchestration.Household;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The API around actions: shape, lists, validation, Idempotency-Key, cancel, tokens, roles, tenancy. */
@QuarkusTest
class ActionApiTest {

    private static final String START = "{\"action\":\"START\"}";

    private static Response post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(path);
    }

    /** The six creating endpoints of a household, each with a valid body. */
    private static Map<String, String> creations(Household h) {
        return Map.of("/vehicles/" + h.vehicleId + "/charging", START,
                "/chargers/" + h.chargerId + "/charging", START,
                "/vehicles/" + h.vehicleId + "/max-current", "{\"maxCurrent\":16}",
                "/chargers/" + h.chargerId + "/max-current", "{\"maxCurrent\":16}",
                "/vehicles/" + h.vehicleId + "/max-power", "{\"maxPowerKw\":7.4}",
                "/chargers/" + h.chargerId + "/max-power", "{\"maxPowerKw\":7.4}");
    }

    @Test
    void anActionHasEnodesShape() {
        Household h = Household.voltraWithWallbox().activated();

        Response created = post(h.token(), "/chargers/" + h.chargerId + "/max-current", "{\"maxCurrent\":16}");

        created.then().statusCode(201).body("userId", equalTo(h.userId)).body("targetId", equalTo(h.chargerId))
                .body("targetType", equalTo("charger")).body("kind", equalTo("SET_MAX_CURRENT"))
                .body("state", equalTo("PENDING")).body("targetSettings.maxCurrent", equalTo(16.0f))
                .body("completedAt", nullValue()).body("failureReason", nullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/actions/" + id);
        JsonPath action = given().auth().oauth2(h.token()).get("/actions/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(action.getString("createdAt")).isNotNull().isEqualTo(action.getString("updatedAt"));
    }

    @Test
    void listsArePagedAndFilteredByTargetAndState() {
        Household h = Household.voltraWithWallbox().activated();
        String first = post(h.token(), "/vehicles/" + h.vehicleId + "/charging", START).path("id");
        String second = post(h.token(), "/chargers/" + h.chargerId + "/max-current", "{\"maxCurrent\":10}")
                .path("id");
        String third = post(h.token(), "/vehicles/" + h.vehicleId + "/charging", "{\"action\":\"STOP\"}").path("id");

        JsonPath page1 = given().auth().oauth2(h.token()).queryParam("pageSize", 2).get("/actions").then()
                .statusCode(200).body("data.id", equalTo(List.of(first, second))).extract().jsonPath();
        given().auth().oauth2(h.token()).queryParam("pageSize", 2).queryParam("after",
                page1.getString("pagination.after")).get("/actions").then().body("data.id", equalTo(List.of(third)))
                .body("pagination.after", nullValue());
        given().auth().oauth2(h.token()).queryParam("targetId", h.vehicleId).get("/actions").then()
                .body("data.id", equalTo(List.of(first, third)));
        given().auth().oauth2(h.token()).queryParam("state", "PENDING").get("/actions").then()
                .body("data.id", equalTo(List.of(third)));
        given().auth().oauth2(h.token()).queryParam("state", "CANCELLED").queryParam("targetId", h.vehicleId)
                .get("/actions").then().body("data.id", equalTo(List.of(first)));
    }

    @Test
    void anIdempotencyKeyReturnsTheSameActionAndRefusesAnotherRequest() {
        Household h = Household.voltraWithWallbox().activated();
        String key = "retry-" + UUID.randomUUID();

        Response first = given().auth().oauth2(h.token()).header("Idempotency-Key", key).contentType("application/json")
                .body(START).post("/vehicles/" + h.vehicleId + "/charging");
        // the action has ended meanwhile: a retry still gets it back rather than a new one
        given().auth().oauth2(h.token()).post("/actions/" + first.path("id") + "/cancel").then().statusCode(200);
        Response retry = given().auth().oauth2(h.token()).header("Idempotency-Key", key)
                .contentType("application/json").body(START).post("/vehicles/" + h.vehicleId + "/charging");
        Response other = given().auth().oauth2(h.token()).header("Idempotency-Key", key)
                .contentType("application/json").body("{\"action\":\"STOP\"}")
                .post("/vehicles/" + h.vehicleId + "/charging");

        assertThat(first.statusCode()).isEqualTo(201);
        retry.then().statusCode(200).body("id", equalTo(first.path("id"))).body("state", equalTo("CANCELLED"));
        assertProblem(other, 422).then().body("detail", org.hamcrest.Matchers.containsString("another request"));
        given().auth().oauth2(h.token()).queryParam("targetId", h.vehicleId).get("/actions").then()
                .body("data", hasSize(1));
    }

    @Test
    void cancellingEndsAPendingActionOnlyOnce() {
        Household h = Household.voltraWithWallbox().activated();
        String id = post(h.token(), "/vehicles/" + h.vehicleId + "/charging", START).path("id");

        given().auth().oauth2(h.token()).post("/actions/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("failureReason.type", equalTo("CANCELLED_BY_CLIENT"));
        assertProblem(given().auth().oauth2(h.token()).post("/actions/" + id + "/cancel"), 409);
        assertThat(given().auth().oauth2(h.token()).get("/actions/" + id + "/plan").then().extract()
                .jsonPath().getList("transitions.state")).containsExactly("PENDING", "CANCELLED");
    }

    @Test
    void invalidRequestsAreProblemsNamingTheField() {
        Household h = Household.voltraWithWallbox();
        String token = h.token();
        String charging = "/vehicles/" + h.vehicleId + "/charging";

        assertProblem(post(token, charging, "{\"action\":\"FLY\"}"), 400).then().body("errors[0].field",
                equalTo("action"));
        assertProblem(post(token, charging, "{}"), 400).then().body("errors[0].field", equalTo("action"));
        assertProblem(post(token, charging, "{not json"), 400);
        assertProblem(given().auth().oauth2(token).contentType("application/json").post(charging), 400);
        assertProblem(post(token, "/vehicles/" + h.vehicleId + "/max-current", "{\"maxCurrent\":-1}"), 400)
                .then().body("errors[0].field", equalTo("maxCurrent"));
        assertProblem(post(token, "/chargers/" + h.chargerId + "/max-power", "{\"maxPowerKw\":0}"), 400)
                .then().body("errors[0].field", equalTo("maxPowerKw"));
        assertProblem(post(token, "/chargers/" + h.chargerId + "/max-power", "{\"maxPowerKw\":\"lots\"}"), 400);
        assertProblem(post(token, "/vehicles/not a device/charging", START), 400).then()
                .body("errors[0].field", equalTo("id"));
        assertProblem(given().auth().oauth2(token).header("Idempotency-Key", "has space").contentType(
                "application/json").body(START).post(charging), 400).then()
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertProblem(given().auth().oauth2(token).queryParam("state", "DONE").get("/actions"), 400).then()
                .body("errors[0].field", equalTo("state"));
        assertProblem(given().auth().oauth2(token).queryParam("pageSize", 0).get("/actions"), 400).then()
                .body("errors[0].field", equalTo("pageSize"));
        assertProblem(given().auth().oauth2(token).get("/actions/not-a-uuid"), 404);
        assertProblem(post(token, "/vehicles/" + UUID.randomUUID() + "/charging", START), 404);
    }

    @Test
    void anotherClientsDevicesAndActionsAreNotFoundOnEveryEndpoint() {
        Household h = Household.voltraWithWallbox().activated();
        String id = post(h.token(), "/vehicles/" + h.vehicleId + "/charging", START).path("id");
        String rival = Tokens.apiClient("client-" + UUID.randomUUID());

        creations(h).forEach((path, body) -> assertProblem(post(rival, path, body), 404));
        assertProblem(given().auth().oauth2(rival).get("/actions/" + id), 404);
        assertProblem(given().auth().oauth2(rival).get("/actions/" + id + "/plan"), 404);
        assertProblem(given().auth().oauth2(rival).post("/actions/" + id + "/cancel"), 404);
        given().auth().oauth2(rival).get("/actions").then().statusCode(200).body("data", hasSize(0));
        given().auth().oauth2(rival).queryParam("targetId", h.vehicleId).get("/actions").then()
                .body("data", hasSize(0));

        given().auth().oauth2(h.token()).get("/actions/" + id).then().statusCode(200).body("state",
                equalTo("PENDING"));
    }

    @Test
    void tokensAndRolesAreCheckedOnEveryEndpoint() {
        Household h = Household.voltraWithWallbox();
        String id = UUID.randomUUID().toString();
        String viewer = Tokens.forClient(h.clientId).roles("viewer").mint();
        String admin = Tokens.admin(h.clientId);

        creations(h).forEach((path, body) -> {
            assertProblem(given().contentType("application/json").body(body).post(path), 401);
            assertProblem(post(Tokens.unknownKey(h.clientId), path, body), 401);
            assertProblem(post(viewer, path, body), 403);
            assertProblem(post(admin, path, body), 403);
        });
        for (String path : List.of("/actions", "/actions/" + id, "/actions/" + id + "/plan", "/features")) {
            assertProblem(given().get(path), 401);
            assertProblem(given().auth().oauth2(Tokens.expired(h.clientId)).get(path), 401);
            assertProblem(given().auth().oauth2(viewer).get(path), 403);
        }
        assertProblem(given().post("/actions/" + id + "/cancel"), 401);
        assertProblem(given().auth().oauth2(Tokens.unsigned(h.clientId)).post("/actions/" + id + "/cancel"), 401);
        assertProblem(given().auth().oauth2(viewer).post("/actions/" + id + "/cancel"), 403);
    }
}
