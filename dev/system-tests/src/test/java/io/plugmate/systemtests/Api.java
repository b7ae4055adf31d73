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

    /** The reasons of a pair's whole history, oldest first (every page). */
    static java.util.List<String> history(String baseUri, String token, String pairId) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        String after = null;
        do {
            var request = given().baseUri(baseUri).auth().oauth2(token).queryParam("pageSize", 100);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            var page = request.get("/pairs/" + pairId + "/history").then().extract();
            if (page.statusCode() != 200) {
                return reasons;
            }
            java.util.List<String> found = page.path("data.reason");
            reasons.addAll(found);
            after = found.isEmpty() ? null : page.path("pagination.after");
        } while (after != null);
        return reasons;
    }
}
