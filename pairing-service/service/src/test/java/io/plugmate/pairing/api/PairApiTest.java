package io.plugmate.pairing.api;

import static io.plugmate.pairing.api.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.pairing.SeededPairs;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.persistence.PairEntity;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The read API over projected rows: shape, lists, filters, paging, validation, tokens, roles, tenancy. */
@QuarkusTest
class PairApiTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static String client() {
        return "client-" + UUID.randomUUID();
    }

    @Test
    void aPairShowsStateConfidenceEvidenceAndTimes() {
        String acme = client();
        PairEntity p = SeededPairs.seed(acme, "alice", PairState.ACTIVE, T0);

        given().auth().oauth2(Tokens.apiClient(acme)).get("/pairs/" + p.id).then().statusCode(200)
                .body("id", equalTo(p.id))
                .body("userId", equalTo("alice"))
                .body("vehicleId", equalTo(p.vehicleId))
                .body("chargerId", equalTo(p.chargerId))
                .body("state", equalTo("ACTIVE"))
                .body("confidence", equalTo(0.73f))
                .body("evidence[0].signal", equalTo("plug-in-timing"))
                .body("evidence[0].detail", equalTo("both reported plug-in 35s apart"))
                .body("evidence[0].score", equalTo(0.6f))
                .body("candidates", hasSize(0))
                .body("verdict", nullValue())
                .body("verdictAt", nullValue())
                .body("establishedAt", equalTo("2026-11-20T10:00:00Z"))
                .body("updatedAt", equalTo("2026-11-20T10:00:00Z"))
                .body("activatedAt", equalTo("2026-11-20T10:00:00Z"));
    }

    @Test
    void listsArePagedBothWaysAndLeaveDissolvedPairsOutUnlessAsked() {
        String acme = client();
        String token = Tokens.apiClient(acme);
        List<String> live = List.of(SeededPairs.seed(acme, "alice", PairState.INACTIVE, T0).id,
                SeededPairs.seed(acme, "alice", PairState.ACTIVE, T0.plusSeconds(1)).id,
                SeededPairs.seed(acme, "bob", PairState.AMBIGUOUS, T0.plusSeconds(2)).id);
        String dissolved = SeededPairs.seed(acme, "bob", PairState.DISSOLVED, T0.plusSeconds(3)).id;

        JsonPath first = given().auth().oauth2(token).queryParam("pageSize", 2).get("/pairs").then().statusCode(200)
                .body("data.id", equalTo(live.subList(0, 2))).body("pagination.before", nullValue())
                .extract().jsonPath();
        JsonPath second = given().auth().oauth2(token).queryParam("pageSize", 2)
                .queryParam("after", first.getString("pagination.after")).get("/pairs").then().statusCode(200)
                .body("data.id", equalTo(live.subList(2, 3))).body("pagination.after", nullValue())
                .extract().jsonPath();
        given().auth().oauth2(token).queryParam("pageSize", 2).queryParam("before", second.getString("pagination.before"))
                .get("/pairs").then().statusCode(200).body("data.id", equalTo(live.subList(0, 2)));

        given().auth().oauth2(token).queryParam("state", "DISSOLVED").get("/pairs").then()
                .body("data.id", equalTo(List.of(dissolved)));
        given().auth().oauth2(token).get("/users/bob/pairs").then().statusCode(200)
                .body("data.id", equalTo(live.subList(2, 3)));
        given().auth().oauth2(token).queryParam("state", "DISSOLVED").get("/users/bob/pairs").then()
                .body("data.id", equalTo(List.of(dissolved)));
    }

    @Test
    void listsFilterByUserStateVehicleAndCharger() {
        String acme = client();
        String token = Tokens.apiClient(acme);
        PairEntity a = SeededPairs.seed(acme, "alice", PairState.ACTIVE, T0);
        PairEntity b = SeededPairs.seed(acme, "alice", PairState.INACTIVE, T0.plusSeconds(1));
        PairEntity c = SeededPairs.seed(acme, "carol", PairState.ACTIVE, T0.plusSeconds(2));

        given().auth().oauth2(token).queryParam("userId", "alice").get("/pairs").then()
                .body("data.id", equalTo(List.of(a.id, b.id)));
        given().auth().oauth2(token).queryParam("state", "ACTIVE").get("/pairs").then()
                .body("data.id", equalTo(List.of(a.id, c.id)));
        given().auth().oauth2(token).queryParam("userId", "alice").queryParam("state", "ACTIVE").get("/pairs").then()
                .body("data.id", equalTo(List.of(a.id)));
        given().auth().oauth2(token).queryParam("vehicleId", b.vehicleId).get("/pairs").then()
                .body("data.id", equalTo(List.of(b.id)));
        given().auth().oauth2(token).queryParam("chargerId", c.chargerId).get("/pairs").then()
                .body("data.id", equalTo(List.of(c.id)));
        given().auth().oauth2(token).queryParam("state", "INACTIVE").get("/users/alice/pairs").then()
                .body("data.id", equalTo(List.of(b.id)));
        given().auth().oauth2(token).queryParam("vehicleId", "veh-nobody").get("/pairs").then()
                .body("data", hasSize(0));
    }

    @Test
    void invalidFiltersAndPagingAreProblemsNamingTheParameter() {
        String token = Tokens.apiClient(client());

        assertProblem(given().auth().oauth2(token).queryParam("state", "PLUGGED").get("/pairs"), 400)
                .then().body("errors[0].field", equalTo("state"))
                .body("errors[0].message", equalTo("must be one of INACTIVE, ACTIVE, AMBIGUOUS, DISSOLVED"));
        assertProblem(given().auth().oauth2(token).queryParam("state", "active").get("/users/alice/pairs"), 400)
                .then().body("errors[0].field", equalTo("state"));
        assertProblem(given().auth().oauth2(token).queryParam("vehicleId", "a b").get("/pairs"), 400)
                .then().body("errors[0].field", equalTo("vehicleId"));
        assertProblem(given().auth().oauth2(token).queryParam("chargerId", "x".repeat(129)).get("/pairs"), 400)
                .then().body("errors[0].field", equalTo("chargerId"));
        assertProblem(given().auth().oauth2(token).queryParam("userId", "not a user").get("/pairs"), 400)
                .then().body("errors[0].field", equalTo("userId"));
        assertProblem(given().auth().oauth2(token).get("/users/not a user/pairs"), 400)
                .then().body("errors[0].field", equalTo("userId"));
        assertProblem(given().auth().oauth2(token).queryParam("pageSize", 500).get("/pairs"), 400)
                .then().body("errors[0].field", equalTo("pageSize"));
        assertProblem(given().auth().oauth2(token).queryParam("after", "not-a-cursor").get("/pairs"), 400)
                .then().body("errors[0].field", equalTo("after"));
        assertProblem(given().auth().oauth2(token).queryParam("pageSize", 0).get("/pairs/x/history"), 400);
    }

    @Test
    void historyIsPagedOldestFirst() {
        String acme = client();
        String token = Tokens.apiClient(acme);
        PairEntity p = SeededPairs.seed(acme, "alice", PairState.INACTIVE, T0);
        SeededPairs.history(p, 5, T0);

        JsonPath first = given().auth().oauth2(token).queryParam("pageSize", 3).get("/pairs/" + p.id + "/history")
                .then().statusCode(200)
                .body("data.reason", equalTo(List.of("entry 0", "entry 1", "entry 2")))
                .body("data[0].from", nullValue()).body("data[0].to", equalTo("INACTIVE"))
                .body("data[1].from", equalTo("INACTIVE")).body("data[1].to", equalTo("ACTIVE"))
                .body("data[0].at", equalTo("2026-11-20T10:00:00Z"))
                .body("data[0].evidence", hasSize(0)).body("data[0].candidates", hasSize(0))
                .extract().jsonPath();
        given().auth().oauth2(token).queryParam("pageSize", 3).queryParam("after", first.getString("pagination.after"))
                .get("/pairs/" + p.id + "/history").then().statusCode(200)
                .body("data.reason", equalTo(List.of("entry 3", "entry 4"))).body("pagination.after", nullValue());
    }

    @Test
    void anotherClientsPairIsNotFoundOnEveryEndpoint() {
        String acme = client();
        PairEntity p = SeededPairs.seed(acme, "alice", PairState.ACTIVE, T0);
        SeededPairs.history(p, 1, T0);
        String rival = Tokens.apiClient(client());

        assertProblem(given().auth().oauth2(rival).get("/pairs/" + p.id), 404);
        assertProblem(given().auth().oauth2(rival).get("/pairs/" + p.id + "/history"), 404);
        assertProblem(given().auth().oauth2(rival).post("/pairs/" + p.id + "/confirm"), 404);
        assertProblem(given().auth().oauth2(rival).post("/pairs/" + p.id + "/reject"), 404);
        given().auth().oauth2(rival).get("/pairs").then().statusCode(200).body("data", hasSize(0));
        given().auth().oauth2(rival).queryParam("vehicleId", p.vehicleId).get("/pairs").then().body("data", hasSize(0));
        given().auth().oauth2(rival).get("/users/alice/pairs").then().statusCode(200).body("data", hasSize(0));

        String owner = Tokens.apiClient(acme);
        given().auth().oauth2(owner).get("/pairs/" + p.id).then().statusCode(200);
        given().auth().oauth2(owner).get("/pairs/" + p.id + "/history").then().statusCode(200).body("data", hasSize(1));
        assertProblem(given().auth().oauth2(owner).get("/pairs/" + UUID.randomUUID()), 404);
        assertProblem(given().auth().oauth2(owner).get("/pairs/" + UUID.randomUUID() + "/history"), 404);
    }

    @Test
    void tokensAndRolesAreChecked() {
        String acme = client();
        PairEntity p = SeededPairs.seed(acme, "alice", PairState.ACTIVE, T0);
        List<String> reads = List.of("/pairs", "/pairs/" + p.id, "/pairs/" + p.id + "/history", "/users/alice/pairs");
        List<String> verdicts = List.of("/pairs/" + p.id + "/confirm", "/pairs/" + p.id + "/reject");
        String viewer = Tokens.forClient(acme).roles("viewer").mint();

        for (String path : reads) {
            assertProblem(given().get(path), 401);
            assertProblem(given().auth().oauth2(Tokens.unknownKey(acme)).get(path), 401);
            assertProblem(given().auth().oauth2(viewer).get(path), 403);
        }
        for (String path : verdicts) {
            assertProblem(given().post(path), 401);
            assertProblem(given().auth().oauth2(Tokens.expired(acme)).post(path), 401);
            assertProblem(given().auth().oauth2(viewer).post(path), 403);
        }
        assertProblem(given().auth().oauth2(Tokens.unsigned(acme)).get("/pairs"), 401);
        assertProblem(given().auth().oauth2(Tokens.admin(acme)).get("/pairs"), 403);
        assertThat(given().auth().oauth2(Tokens.apiClient(acme)).get("/pairs/" + p.id).statusCode()).isEqualTo(200);
    }
}
