package io.plugmate.pairing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Reads one value of a JSON answer without asserting anything, for polling with Awaitility: a failed assertion inside
 * a poll would have rest-assured log the whole exchange on every attempt.
 */
public final class Api {

    private Api() {
    }

    /** @param baseUri null for this service */
    public static <T> T read(String baseUri, String token, String path, String jsonPath) {
        RequestSpecification request = given().auth().oauth2(token);
        if (baseUri != null) {
            request = request.baseUri(baseUri);
        }
        return request.get(path).then().extract().path(jsonPath);
    }

    public static <T> T read(String token, String path, String jsonPath) {
        return read(null, token, path, jsonPath);
    }
}
