package io.plugmate.statistics;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** The service's API as a client reads it, without asserting (for polling). */
public final class Sessions {

    private Sessions() {
    }

    public static JsonPath list(String token, String query) {
        return given().auth().oauth2(token).get("/statistics/charging/sessions?" + query).then().extract().jsonPath();
    }

    public static List<Map<String, Object>> of(String token, String userId) {
        return list(token, "userId=" + userId).getList("data");
    }

    public static JsonPath buckets(String token, String query) {
        return given().auth().oauth2(token).get("/statistics/charging?" + query).then().statusCode(200).extract()
                .jsonPath();
    }
}
