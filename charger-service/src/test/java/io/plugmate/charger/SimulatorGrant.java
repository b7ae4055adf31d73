package io.plugmate.charger;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.plugmate.testinfra.SimulatorResource;
import io.restassured.path.json.JsonPath;

/** A household in the real simulator and an OAuth grant for its account, as vehicle-service's linking obtains it. */
public final class SimulatorGrant {

    /** The platform's callback as registered at the simulator (loopback: any port). */
    private static final String REDIRECT = "http://localhost:8082/link-sessions/callback";

    public record Grant(String userId, String oemAccountId, String vendor, String accessToken, JsonPath household) {
    }

    private SimulatorGrant() {
    }

    public static String url() {
        return System.getProperty(SimulatorResource.URL_PROPERTY);
    }

    public static Grant forNewHousehold(String vehicles, String chargers) {
        return forNewHousehold(vehicles, chargers, null);
    }

    /** @param vendor whose account to link; null for the household's first account */
    public static Grant forNewHousehold(String vehicles, String chargers, String vendor) {
        JsonPath household = given().baseUri(url()).contentType("application/json")
                .body("{\"vehicles\":" + vehicles + ",\"chargers\":" + chargers + "}")
                .post("/sandbox/households").then().statusCode(201).extract().jsonPath();
        int index = vendor == null ? 0 : household.getList("accounts.vendor").indexOf(vendor);
        return grant(household, index);
    }

    /** The same household's same account consents again (after a revoked grant): a new access token. */
    public static Grant again(Grant grant) {
        JsonPath household = given().baseUri(url()).get("/sandbox/households/" + grant.userId()).then()
                .statusCode(200).extract().jsonPath();
        return grant(household, household.getList("accounts.vendor").indexOf(grant.vendor()));
    }

    private static Grant grant(JsonPath household, int index) {
        String account = "accounts[" + index + "]";
        String vendor = household.getString(account + ".vendor");
        String location = given().baseUri(url()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("response_type", "code")
                .formParam("client_id", "plugmate").formParam("redirect_uri", REDIRECT).formParam("state", "s")
                .formParam("username", household.getString(account + ".username"))
                .formParam("password", household.getString(account + ".password")).formParam("decision", "approve")
                .post("/oem/" + vendor.toLowerCase() + "/oauth/authorize").then().statusCode(302).extract()
                .header("Location");
        String code = URLDecoder.decode(URI.create(location).getRawQuery().replaceAll(".*code=([^&]+).*", "$1"),
                StandardCharsets.UTF_8);
        String accessToken = given().baseUri(url()).auth().preemptive().basic("plugmate", "plugmate-dev-secret")
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", REDIRECT)
                .post("/oem/" + vendor.toLowerCase() + "/oauth/token").then().statusCode(200).extract()
                .path("access_token");
        return new Grant(household.getString("id"), household.getString(account + ".accountId"), vendor, accessToken,
                household);
    }
}
