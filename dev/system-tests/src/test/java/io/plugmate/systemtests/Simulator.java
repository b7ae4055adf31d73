package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The real OEM simulator's sandbox and consent page, driven the way a test script and a person's browser would. */
final class Simulator {

    private Simulator() {
    }

    static String url() {
        return Platform.simulatorUrl();
    }

    static JsonPath household(String vehiclesJson, String chargersJson) {
        return given().baseUri(url()).contentType("application/json")
                .body("{\"vehicles\":" + vehiclesJson + ",\"chargers\":" + chargersJson + "}")
                .post("/sandbox/households").then().statusCode(201).extract().jsonPath();
    }

    static void plug(String vehicleId, String chargerId) {
        given().baseUri(url()).contentType("application/json").body("{\"chargerId\":\"" + chargerId + "\"}")
                .post("/sandbox/vehicles/" + vehicleId + "/plug").then().statusCode(200);
    }

    static void unplug(String vehicleId) {
        given().baseUri(url()).post("/sandbox/vehicles/" + vehicleId + "/unplug").then().statusCode(200);
    }

    /** Simulated time moves only when a test moves it; every report of the interval is pushed meanwhile. */
    static void advance(String isoDuration) {
        given().baseUri(url()).contentType("application/json").body("{\"duration\":\"" + isoDuration + "\"}")
                .post("/sandbox/time/advance").then().statusCode(200);
    }

    /** The webhook receivers the platform's OAuth client has registered at a vendor. */
    static java.util.List<String> webhookUrls(String vendor) {
        return given().baseUri(url()).auth().preemptive().basic("plugmate", "plugmate-dev-secret")
                .get("/oem/" + vendor + "/webhooks").then().statusCode(200).extract().jsonPath()
                .getList("data.url", String.class);
    }

    /** How many webhook deliveries the vendor's cloud gave up on (every attempt failed), over its receivers. */
    static long webhooksGivenUp(String vendor) {
        java.util.List<Integer> failed = given().baseUri(url()).auth().preemptive().basic("plugmate",
                "plugmate-dev-secret").get("/oem/" + vendor + "/webhooks").then().statusCode(200).extract().jsonPath()
                .getList("data.failedCount", Integer.class);
        return failed.stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * The end user's browser with a link URL: opens it (vehicle-service redirects to the OEM's consent page and sets
     * the cookie that binds the link session to this browser), signs in and approves, and follows the OEM's redirect
     * to the callback carrying that cookie, as a browser does. The URLs are used exactly as the browser gets them
     * (already encoded). Returns the outcome: the query of the API client's redirectUri the browser lands on.
     */
    static Map<String, String> linkInBrowser(String linkUrl, String username, String password) {
        Response opened = given().urlEncodingEnabled(false).redirects().follow(false).get(linkUrl).then()
                .statusCode(303).extract().response();
        URI back = approve(URI.create(opened.header("Location")), username, password);
        String landed = given().urlEncodingEnabled(false).redirects().follow(false).cookies(opened.getCookies())
                .get(back.toString()).then().statusCode(303).extract().header("Location");
        return query(URI.create(landed).getRawQuery());
    }

    /** The person at the OEM's consent page logs in and approves; returns where the OEM sends the browser. */
    static URI approve(URI authorizeUrl, String username, String password) {
        Map<String, String> query = query(authorizeUrl.getRawQuery());
        Response response = given().baseUri(url()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("response_type", query.get("response_type")).formParam("client_id", query.get("client_id"))
                .formParam("redirect_uri", query.get("redirect_uri")).formParam("state", query.get("state"))
                .formParam("scope", query.get("scope")).formParam("username", username)
                .formParam("password", password).formParam("decision", "approve")
                .post(authorizeUrl.getPath());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("consent answered " + response.statusCode() + ": " + response.asString());
        }
        return URI.create(response.header("Location"));
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
