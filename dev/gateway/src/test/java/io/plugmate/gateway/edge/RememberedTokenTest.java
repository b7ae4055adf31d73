package io.plugmate.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.commons.security.VerifiedTokens;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway verifies a token once (service-commons' {@link VerifiedTokens}, tested there) and, for a remembered one,
 * still forwards the client's own request with its token: the service behind verifies it itself.
 */
@QuarkusTest
class RememberedTokenTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aRememberedTokenIsStillForwarded() {
        String token = Tokens.apiClient("remembered-client");
        assertThat(tokens.remembers(token)).isFalse();
        given().auth().oauth2(token).get("/vehicles/v-1").then().statusCode(200)
                .body("service", equalTo("vehicle-service"), "authorization", equalTo(true));
        assertThat(tokens.remembers(token)).isTrue();

        given().auth().oauth2(token).get("/vehicles/v-2").then().statusCode(200)
                .body("path", equalTo("/vehicles/v-2"), "authorization", equalTo(true));
    }
}
