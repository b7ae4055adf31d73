package io.plugmate.vehicle.link;

import static io.restassured.RestAssured.given;

import java.net.URI;

import io.plugmate.testinfra.Tokens;
import io.restassured.path.json.JsonPath;

/** A simulator household whose first account a client has linked through the real flow; for tests beyond linking. */
public record LinkedHousehold(String clientId, String userId, JsonPath household, String vehicleId) {

    public static LinkedHousehold link(String clientId, String vendor) {
        JsonPath household = Simulator.household("[\"" + vendor + "\"]", "[]");
        String userId = household.getString("id");
        String linkUrl = given().auth().oauth2(Tokens.apiClient(clientId)).contentType("application/json")
                .body("""
                        {"vendor":"%s","vendorType":"vehicle","scopes":["vehicle:read:data","vehicle:control:charging"],
                         "redirectUri":"https://app.example.com/linked"}""".formatted(vendor))
                .post("/users/" + userId + "/link").then().statusCode(201).extract().path("linkUrl");
        URI link = URI.create(linkUrl);
        URI consent = URI.create(given().redirects().follow(false).get(link.getPath() + "?" + link.getRawQuery())
                .then().statusCode(303).extract().header("Location"));
        URI back = Simulator.consent(consent, household.getString("accounts[0].username"),
                household.getString("accounts[0].password"), "approve");
        given().redirects().follow(false).get(back.getPath() + "?" + back.getRawQuery()).then().statusCode(303);
        String vehicleId = given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + userId + "/vehicles")
                .then().statusCode(200).extract().path("data[0].id");
        return new LinkedHousehold(clientId, userId, household, vehicleId);
    }
}
