package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;

/**
 * Reads one value of a JSON answer without asserting anything, for polling with Awaitility: a failed assertion inside
 * a poll would have rest-assured log the whole exchange on every attempt.
 */
final class Api {

    private Api() {
    }

    static <T> T read(String baseUri, String token, String path, String jsonPath) {
        return given().baseUri(baseUri).auth().oauth2(token).get(path).then().extract().path(jsonPath);
    }
}
