package io.plugmate.vehicle;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.Map;

import io.plugmate.testinfra.SimulatorResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The real OEM simulator, driven the way a person and their browser would. */
public final class Simulator {

    private Simulator() {
    }

    public static String url() {
        return System.getProperty(SimulatorResource.URL_PROPERTY);
    }

    /** A new household; returns its JSON (ids, OEM accounts with logins). */
    public static JsonPath household(String vehiclesJson, String chargersJson) {
        return given().baseUri(url()).contentType("application/json")
                .body("{\"vehicles\":" + vehiclesJson + ",\"chargers\":" + chargersJson + "}")
                .post("/sandbox/households").then().statusCode(201).extract().jsonPath();
    }

    /** The user at the OEM's consent page: logs in and approves or denies; returns where the OEM redirects. */
    public static URI consent(URI authorizeUrl, String username, String password, String decision) {
        Map<String, String> query = Query.parse(authorizeUrl.getRawQuery());
        String vendorPath = authorizeUrl.getPath(); // /oem/{vendor}/oauth/authorize
        Response response = given().baseUri(url()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("response_type", query.get("response_type")).formParam("client_id", query.get("client_id"))
                .formParam("redirect_uri", query.get("redirect_uri")).formParam("state", query.get("state"))
                .formParam("scope", query.get("scope")).formParam("username", username)
                .formParam("password", password).formParam("decision", decision)
                .post(vendorPath);
        if (response.statusCode() != 302) {
            throw new IllegalStateException("consent answered " + response.statusCode() + ": " + response.asString());
        }
        return URI.create(response.header("Location"));
    }
}
