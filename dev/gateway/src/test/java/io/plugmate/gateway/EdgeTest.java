package io.plugmate.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The edge against real tokens and real (stand-in) services: routing, tokens, limits, problems. */
@QuarkusTest
class EdgeTest {

    private static final String PROBLEM = "application/problem+json";

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/vehicles", "vehicle-service", "/vehicles"),
                Arguments.of("GET", "/vehicles/v-1", "vehicle-service", "/vehicles/v-1"),
                Arguments.of("GET", "/users/u-1/vehicles", "vehicle-service", "/users/u-1/vehicles"),
                Arguments.of("POST", "/users/u-1/link", "vehicle-service", "/users/u-1/link"),
                Arguments.of("GET", "/link-sessions/s-1", "vehicle-service", "/link-sessions/s-1"),
                Arguments.of("GET", "/chargers/c-1", "charger-service", "/chargers/c-1"),
                Arguments.of("GET", "/users/u-1/chargers", "charger-service", "/users/u-1/chargers"),
                Arguments.of("GET", "/pairs/p-1/history", "pairing-service", "/pairs/p-1/history"),
                Arguments.of("POST", "/pairs/p-1/confirm", "pairing-service", "/pairs/p-1/confirm"),
                Arguments.of("GET", "/users/u-1/pairs", "pairing-service", "/users/u-1/pairs"),
                Arguments.of("POST", "/vehicles/v-1/charging", "orchestration-service", "/vehicles/v-1/charging"),
                Arguments.of("POST", "/vehicles/v-1/max-power", "orchestration-service", "/vehicles/v-1/max-power"),
                Arguments.of("POST", "/chargers/c-1/max-current", "orchestration-service", "/chargers/c-1/max-current"),
                Arguments.of("GET", "/actions/a-1/plan", "orchestration-service", "/actions/a-1/plan"),
                Arguments.of("GET", "/features", "orchestration-service", "/features"),
                Arguments.of("PUT", "/admin/clients/acme/features", "orchestration-service",
                        "/admin/clients/acme/features"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("routes")
    void routesByTheTable(String method, String path, String service, String upstreamPath) {
        given().auth().oauth2(Tokens.apiClient("routing-" + path.hashCode()))
                .queryParam("pageSize", "5")
                .when().request(method, path)
                .then().statusCode(200)
                .body("service", equalTo(service), "path", equalTo(upstreamPath), "method", equalTo(method),
                        "query", equalTo("pageSize=5"), "authorization", is(true),
                        "forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void webhooksAndTheBrowserLinkFlowPassWithoutToken() {
        given().contentType("application/json").body("{\"event\":\"x\"}")
                .post("/charger-service/oem/acme/webhooks")
                .then().statusCode(200).body("service", equalTo("charger-service"),
                        "path", equalTo("/oem/acme/webhooks"), "bodyLength", equalTo(13), "authorization", is(false));
        given().post("/vehicle-service/oem/acme/webhooks")
                .then().statusCode(200).body("service", equalTo("vehicle-service"), "path", equalTo("/oem/acme/webhooks"));
        given().redirects().follow(false).get("/link-sessions/s-1/start")
                .then().statusCode(200).body("service", equalTo("vehicle-service"));
        given().get("/link-sessions/callback?state=abc&code=1")
                .then().statusCode(200).body("path", equalTo("/link-sessions/callback"),
                        "query", equalTo("state=abc&code=1"));
    }

    @Test
    void aBodyArrivesOverAnHttp2UpgradeToo() throws Exception {
        // the JDK client upgrades plain HTTP to h2c, as the OEM simulator's webhook deliveries do
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.test-port", Integer.class);
        for (int i = 0; i < 3; i++) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/vehicle-service/oem/acme/webhooks"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"path\":\"/oem/acme/webhooks\"").contains("\"bodyLength\":7");
        }
    }

    @Test
    void noTokenIsA401ProblemAndReachesNoService() {
        int before = StandInServices.received();
        problem(given().get("/vehicles"), 401, "unauthorized")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        problem(given().contentType("application/json").body("{}").post("/vehicles/v-1/charging"), 401,
                "unauthorized");
        // a webhook path does not open its neighbours: /link-sessions/{id} itself needs a token
        problem(given().get("/link-sessions/s-1"), 401, "unauthorized");
        assertThat(StandInServices.received()).isEqualTo(before);
    }

    @Test
    void refusedTokensAreA401ProblemAndReachNoService() {
        int before = StandInServices.received();
        for (String token : new String[] { Tokens.unknownKey("acme"), Tokens.unsigned("acme"), Tokens.expired("acme"),
                Tokens.forClient("acme").roles("api-client").audience("someone-else").mint(),
                Tokens.forClient("acme").roles("api-client").issuer("https://elsewhere.example").mint(),
                "not-a-jwt" }) {
            problem(given().auth().oauth2(token).get("/vehicles"), 401, "unauthorized");
        }
        assertThat(StandInServices.received()).isEqualTo(before);
    }

    @Test
    void aClientOverItsRateGetsA429WithRetryAfterOthersDoNot() {
        String token = Tokens.apiClient("busy-client");
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).get("/vehicles").then().statusCode(200);
        }
        int before = StandInServices.received();
        problem(given().auth().oauth2(token).get("/vehicles"), 429, "too-many-requests")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
        assertThat(StandInServices.received()).isEqualTo(before);
        // the bucket is the client's (the token's azp), not the token's or the address's
        problem(given().auth().oauth2(Tokens.apiClient("busy-client")).get("/pairs"), 429, "too-many-requests");
        given().auth().oauth2(Tokens.apiClient("quiet-client")).get("/vehicles").then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String token = Tokens.apiClient("large-bodies");
        int before = StandInServices.received();
        problem(given().auth().oauth2(token).contentType("application/json").body("x".repeat(2048))
                .post("/users/u-1/link"), 413, "payload-too-large");
        // without a declared length the limit holds while reading
        problem(given().auth().oauth2(token).contentType("application/json")
                .body(new ByteArrayInputStream("y".repeat(4096).getBytes())).post("/users/u-1/link"), 413,
                "payload-too-large");
        assertThat(StandInServices.received()).isEqualTo(before);
        given().auth().oauth2(token).contentType("application/json").body("z".repeat(1000))
                .post("/users/u-1/link").then().statusCode(200).body("bodyLength", equalTo(1000));
    }

    @Test
    void unusableTargetsAreProblems() {
        String token = Tokens.apiClient("odd-targets");
        problem(given().auth().oauth2(token).urlEncodingEnabled(false).get("/vehicles/" + "v".repeat(600)), 414,
                null);
        // no URI: a problem from service-commons' target check (before the token, as in every service), never forwarded
        int before = StandInServices.received();
        assertThat(RawHttp.get("/vehicles/%zz", token)).startsWith("HTTP/1.1 400")
                .containsIgnoringCase("content-type: application/problem+json").contains("malformed-target");
        assertThat(RawHttp.get("/vehicles/a|b", token)).startsWith("HTTP/1.1 400")
                .containsIgnoringCase("content-type: application/problem+json");
        assertThat(StandInServices.received()).isEqualTo(before);
        problem(given().auth().oauth2(token).get("/no-such-thing"), 404, "not-found");
    }

    @Test
    void anUnreachableServiceIsA503ProblemAndASilentOneA504() {
        String token = Tokens.apiClient("patient-client");
        problem(given().auth().oauth2(token).get("/statistics/charging"), 503, "unavailable")
                .body("detail", equalTo("statistics-service is not reachable."));
        problem(given().auth().oauth2(token).get(StandInServices.SLOW_PATH), 504, null);
    }

    @Test
    void httpMetricsCountTwoIdsOfOneRouteAsOneSeries() {
        String token = Tokens.apiClient("metrics-client");
        for (String id : List.of("3f2a-metrics", "9c4b-metrics")) {
            given().auth().oauth2(token).get("/vehicles/" + id).then().statusCode(200);
            problem(given().get("/pairs/" + id + "/history"), 401, "unauthorized");
        }
        List<String> series = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")).toList();
        assertThat(series).noneMatch(line -> line.contains("-metrics"));
        assertThat(series).filteredOn(line -> line.contains("uri=\"/vehicles/{id}\"")
                && line.contains("method=\"GET\"") && line.contains("status=\"200\"")).hasSize(1);
        assertThat(series).filteredOn(line -> line.contains("uri=\"/pairs/**\"")
                && line.contains("status=\"401\"")).hasSize(1);
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
        ValidatableResponse then = response.then().statusCode(status).contentType(PROBLEM)
                .body("status", equalTo(status));
        if (type != null) {
            then.body("type", equalTo("tag:plugmate.io,2026:problem:" + type));
        }
        return then;
    }
}
