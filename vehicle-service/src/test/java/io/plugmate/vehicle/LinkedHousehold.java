package io.plugmate.vehicle;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.UUID;

import io.plugmate.testinfra.Tokens;
import io.restassured.path.json.JsonPath;

/** A simulator household whose first account a client has linked through the real flow; for tests beyond linking. */
public record LinkedHousehold(String clientId, String userId, JsonPath household, String vehicleId) {

    private static final String VEHICLES = """
            {"vendor":"%s","vendorType":"vehicle","scopes":["vehicle:read:data","vehicle:control:charging"],
             "redirectUri":"https://app.example.com/linked"}""";
    private static final String VEHICLES_AND_CHARGERS = """
            {"vendor":"%s","vendorTypes":["vehicle","charger"],
             "scopes":["vehicle:read:data","vehicle:control:charging","charger:read:data"],
             "redirectUri":"https://app.example.com/linked"}""";

    /** A household with one car of the vendor, its account linked for vehicles. */
    public static LinkedHousehold link(String clientId, String vendor) {
        return link(clientId, Simulator.household("[\"" + vendor + "\"]", "[]"), VEHICLES.formatted(vendor));
    }

    /** A household with a TESLA car and a TESLA Wall Connector, its one account linked for vehicles and chargers. */
    public static LinkedHousehold linkTeslaVehiclesAndChargers(String clientId) {
        return link(clientId, Simulator.household("[\"TESLA\"]", "[\"TESLA\"]"), VEHICLES_AND_CHARGERS.formatted("TESLA"));
    }

    private static final String CHARGERS = """
            {"vendor":"%s","vendorType":"charger","scopes":["charger:read:data","charger:control:charging"],
             "redirectUri":"https://app.example.com/linked"}""";

    /** A household with a TESLA car and a TESLA Wall Connector, its account linked for chargers only (no vehicle). */
    public static LinkedHousehold linkTeslaChargersOnly(String clientId) {
        return link(clientId, Simulator.household("[\"TESLA\"]", "[\"TESLA\"]"), CHARGERS.formatted("TESLA"));
    }

    /** The user links the same OEM account again (vehicles), as after a revoked grant. */
    public void relink() {
        run(clientId, userId, household, VEHICLES.formatted(household.getString("accounts[0].vendor")));
    }

    /** The user links the same OEM account again, now for vehicles and chargers. */
    public void relinkWithChargers() {
        run(clientId, userId, household, VEHICLES_AND_CHARGERS.formatted(household.getString("accounts[0].vendor")));
    }

    /** The platform's id of the linked account. */
    public UUID accountId() {
        return SeededVehicles.reload(UUID.fromString(vehicleId)).accountId;
    }

    /** The OEM's id of the household's first car. */
    public String oemVehicleId() {
        return household.getString("vehicles[0].id");
    }

    private static LinkedHousehold link(String clientId, JsonPath household, String request) {
        String userId = household.getString("id");
        run(clientId, userId, household, request);
        String vehicleId = given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + userId + "/vehicles")
                .then().statusCode(200).extract().path("data[0].id");
        return new LinkedHousehold(clientId, userId, household, vehicleId);
    }

    private static void run(String clientId, String userId, JsonPath household, String request) {
        String linkUrl = given().auth().oauth2(Tokens.apiClient(clientId)).contentType("application/json")
                .body(request).post("/users/" + userId + "/link").then().statusCode(201).extract().path("linkUrl");
        URI link = URI.create(linkUrl);
        var started = given().redirects().follow(false).get(link.getPath() + "?" + link.getRawQuery())
                .then().statusCode(303).extract().response();
        URI back = Simulator.consent(URI.create(started.header("Location")), household.getString("accounts[0].username"),
                household.getString("accounts[0].password"), "approve");
        // the browser that opened the link URL carries its link cookie back to the callback
        given().redirects().follow(false).cookies(started.getCookies())
                .get(back.getPath() + "?" + back.getRawQuery()).then().statusCode(303);
    }
}
