package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The test profile caps every token at 40 requests per minute. */
@QuarkusTest
class RateLimitTest {

    @Test
    void tooManyRequestsAnswer429WithRetryAfter() {
        Sandbox.Tokens tokens = Sandbox.link("DORMIO",
                Sandbox.account(Sandbox.household(List.of("DORMIO"), List.of()), "DORMIO"));
        Response limited = null;
        for (int i = 0; i < 41 && limited == null; i++) {
            Response r = given().auth().oauth2(tokens.accessToken()).get("/oem/dormio/api/vehicles");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("the 41st request within the window is refused").isNotNull();
        limited.then().contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        // limits are per token: another link of another account is unaffected
        Sandbox.Tokens other = Sandbox.link("DORMIO",
                Sandbox.account(Sandbox.household(List.of("DORMIO"), List.of()), "DORMIO"));
        given().auth().oauth2(other.accessToken()).get("/oem/dormio/api/vehicles").then().statusCode(200);
    }
}
