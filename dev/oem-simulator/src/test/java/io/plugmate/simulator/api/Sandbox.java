package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Test helpers that drive the simulator over HTTP, exactly as a user or the platform would. */
final class Sandbox {

    static final String CLIENT_ID = "plugmate";
    static final String CLIENT_SECRET = "plugmate-dev-secret";
    static final String REDIRECT_URI = "http://localhost/callback";

    record Tokens(String accessToken, String refreshToken, String accountId) {
    }

    private Sandbox() {
    }

    /** A manual household; e.g. {@code household(List.of("TESLA"), List.of("TESLA"))}. */
    static JsonPath household(List<String> vehicles, List<String> chargers) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("vehicles", vehicles, "chargers", chargers, "autonomous", false))
                .post("/sandbox/households").then().statusCode(201).extract().jsonPath();
    }

    static Map<String, Object> account(JsonPath household, String vendor) {
        List<Map<String, Object>> accounts = household.getList("accounts");
        return accounts.stream().filter(a -> vendor.equals(a.get("vendor"))).findFirst().orElseThrow();
    }

    static void advance(String isoDuration) {
        given().contentType(ContentType.JSON).body(Map.of("duration", isoDuration))
                .post("/sandbox/time/advance").then().statusCode(200);
    }

    static void plug(String vehicleId, String chargerId) {
        given().contentType(ContentType.JSON).body(Map.of("chargerId", chargerId))
                .post("/sandbox/vehicles/{id}/plug", vehicleId).then().statusCode(200);
    }

    /** Submits the consent form non-interactively; returns the redirect. */
    static Response authorize(String vendor, String username, String password, String decision) {
        return given().redirects().follow(false)
                .formParam("response_type", "code").formParam("client_id", CLIENT_ID)
                .formParam("redirect_uri", REDIRECT_URI).formParam("state", "st-123")
                .formParam("username", username).formParam("password", password).formParam("decision", decision)
                .post("/oem/{vendor}/oauth/authorize", vendor.toLowerCase());
    }

    static String code(String vendor, Map<String, Object> account) {
        Response redirect = authorize(vendor, (String) account.get("username"), (String) account.get("password"),
                "approve");
        redirect.then().statusCode(302);
        return queryParam(URI.create(redirect.header("Location")), "code");
    }

    static Response exchange(String vendor, String code) {
        return given().auth().preemptive().basic(CLIENT_ID, CLIENT_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT_URI).post("/oem/{vendor}/oauth/token", vendor.toLowerCase());
    }

    static Response refresh(String vendor, String refreshToken) {
        return given().formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .formParam("client_id", CLIENT_ID).formParam("client_secret", CLIENT_SECRET)
                .post("/oem/{vendor}/oauth/token", vendor.toLowerCase());
    }

    /** The whole linking flow for one account. */
    static Tokens link(String vendor, Map<String, Object> account) {
        JsonPath tokens = exchange(vendor, code(vendor, account)).then().statusCode(200).extract().jsonPath();
        return new Tokens(tokens.getString("access_token"), tokens.getString("refresh_token"),
                tokens.getString("account_id"));
    }

    static String queryParam(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
