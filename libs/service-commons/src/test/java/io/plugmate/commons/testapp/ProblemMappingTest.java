package io.plugmate.commons.testapp;

import static io.plugmate.commons.testapp.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.commons.database.DatabaseOutage;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ProblemMappingTest {

    private static final String VALIDATION = "tag:plugmate.io,2026:problem:validation";

    @Inject
    DatabaseOutage outage;

    private RequestSpecification asClient() {
        return given().auth().oauth2(Tokens.apiClient("acme"));
    }

    @Test
    void aValidBodyPasses() {
        asClient().contentType(ContentType.JSON)
                .body(Map.of("name", "w", "kind", "SMALL", "size", 3))
                .post("/probe/widgets")
                .then().statusCode(200);
    }

    @Test
    void bodyViolationsAre400WithEveryField() {
        Response response = asClient().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "size", 11, "tags", List.of(Map.of("label", "ok"), Map.of("label", ""))))
                .post("/probe/widgets");

        assertProblem(response, 400, "/probe/widgets");
        assertThat(response.jsonPath().getString("type")).isEqualTo(VALIDATION);
        assertThat(response.jsonPath().getList("errors.field"))
                .containsExactly("kind", "name", "size", "tags[1].label");
        assertThat(response.jsonPath().getList("errors.message")).doesNotContainNull();
    }

    @Test
    void aMissingBodyIs400() {
        Response response = asClient().contentType(ContentType.JSON).post("/probe/widgets");

        assertProblem(response, 400, "/probe/widgets");
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("body");
    }

    @Test
    void queryParameterViolationsUseTheParameterName() {
        Response response = asClient().queryParam("count", 6).get("/probe/limited");

        assertProblem(response, 400, "/probe/limited");
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("count");
    }

    @Test
    void malformedJsonIs400() {
        Response response = asClient().contentType(ContentType.JSON).body("{\"name\": \"w\",").post("/probe/widgets");

        assertProblem(response, 400, "/probe/widgets");
        assertThat(response.jsonPath().getString("type")).isEqualTo("tag:plugmate.io,2026:problem:malformed-body");
        assertThat(response.jsonPath().getString("detail")).startsWith("The request body is not valid JSON");
    }

    @Test
    void anUnknownEnumValueIs400NamingTheField() {
        Response response = asClient().contentType(ContentType.JSON)
                .body(Map.of("name", "w", "kind", "HUGE", "size", 3))
                .post("/probe/widgets");

        assertProblem(response, 400, "/probe/widgets");
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("kind");
        assertThat(response.jsonPath().getList("errors.message")).containsExactly("must be one of [SMALL, LARGE]");
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        Response response = asClient().contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"kind\":\"SMALL\",\"size\":\"big\"}")
                .post("/probe/widgets");

        assertProblem(response, 400, "/probe/widgets");
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("size");
    }

    @Test
    void anUnknownRouteIs404() {
        assertProblem(asClient().get("/no/such/thing"), 404, "/no/such/thing");
    }

    @Test
    void aMissingObjectIs404WithTheServicesDetail() {
        Response response = asClient().get("/probe/widgets/42");

        assertProblem(response, 404, "/probe/widgets/42");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("No widget with id 42");
    }

    @Test
    void aConflictIs409() {
        Response response = asClient().post("/probe/conflict");

        assertProblem(response, 409, "/probe/conflict");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("A widget with this name exists.");
    }

    @Test
    void aFailedPreconditionIs422() {
        assertProblem(asClient().post("/probe/precondition"), 422, "/probe/precondition");
    }

    @Test
    void throttlingIs429WithRetryAfter() {
        Response response = asClient().get("/probe/throttled");

        assertProblem(response, 429, "/probe/throttled");
        assertThat(response.header("Retry-After")).isEqualTo("30");
    }

    @Test
    void anUnexpectedErrorIs500WithAnErrorIdAndNothingElse() {
        Response response = asClient().get("/probe/boom");

        assertProblem(response, 500, "/probe/boom");
        assertThat(response.jsonPath().getString("errorId")).matches("[0-9a-f-]{36}");
        assertThat(response.jsonPath().getString("detail")).doesNotContain("hunter2", "IllegalState");
    }

    @Test
    void theDatabaseAwayIs503WithRetryAfterForAnyEndpointAndOneOutage() {
        outage.reachable();
        for (int i = 0; i < 3; i++) {
            Response response = asClient().get("/probe/database-away");
            assertProblem(response, 503, "/probe/database-away");
            assertThat(response.header("Retry-After")).isEqualTo("10");
            assertThat(response.jsonPath().getString("detail")).doesNotContain("refused");
            assertThat(response.jsonPath().getString("errorId")).isNull();
        }
        // one outage met (logged once, DatabaseOutageTest), over once the database answers
        assertThat(outage.ongoing()).isTrue();
        outage.reachable();
        assertThat(outage.ongoing()).isFalse();
    }

    @Test
    void aWrongMethodIs405() {
        Response response = asClient().delete("/probe/conflict");

        assertProblem(response, 405, "/probe/conflict");
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        Response response = asClient().contentType(ContentType.TEXT).body("name=w").post("/probe/widgets");

        assertProblem(response, 415, "/probe/widgets");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"name\":\"" + "x".repeat(64 * 1024) + "\"}";
        Response response = asClient().contentType(ContentType.JSON).body(big).post("/probe/widgets");

        assertProblem(response, 413, "/probe/widgets");
    }

    @Test
    void aTooLongRequestTargetIs414EvenWithoutAToken() {
        String target = "/probe/widgets/" + "a".repeat(9000);

        Response withToken = asClient().get(target);
        assertProblem(withToken, 414, null);
        assertThat(withToken.jsonPath().getString("type")).isEqualTo("tag:plugmate.io,2026:problem:uri-too-long");
        assertProblem(given().get("/probe/limited?count=" + "9".repeat(9000)), 414, null);
    }

    @Test
    void aTargetThatIsNoUriIs400EvenWithoutAToken() {
        for (String target : List.of("/probe/widgets/%zz", "/probe/limited?count=%", "/probe/widgets/a%4",
                "/probe/widgets/a|b")) {
            for (String token : java.util.Arrays.asList(Tokens.apiClient("acme"), null)) {
                String[] response = RawHttp.get(target, token);

                assertThat(response[0]).as(target).startsWith("HTTP/1.1 400")
                        .containsIgnoringCase("content-type: application/problem+json");
                assertThat(response[1]).contains("\"type\":\"tag:plugmate.io,2026:problem:malformed-target\"",
                        "\"status\":400");
                ProblemAssertions.assertNoInternals(response[1]);
            }
        }
    }

    @Test
    void aFailureOutsideJaxRsIs500WithAnErrorIdAndNothingElse() {
        Response response = given().get("/vertx/boom");

        assertProblem(response, 500, "/vertx/boom");
        assertThat(response.jsonPath().getString("errorId")).matches("[0-9a-f-]{36}");
    }

    @Test
    void aStatusOutsideJaxRsKeepsItsStatus() {
        Response response = given().get("/vertx/teapot");

        assertProblem(response, 418, "/vertx/teapot");
        assertThat(response.jsonPath().getString("type")).isEqualTo("about:blank");
    }
}
