package io.plugmate.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.Tokens;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;

/** A token is verified once, remembered while it is valid, and a refused one is never remembered. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void anAcceptedTokenIsRememberedAndServesAgain() {
        String token = Tokens.apiClient("remembered-client");
        assertThat(tokens.remembers(token)).isFalse();
        given().auth().oauth2(token).get("/vehicles/v-1").then().statusCode(200)
                .body("service", equalTo("vehicle-service"), "authorization", equalTo(true));
        assertThat(tokens.remembers(token)).isTrue();
        // from memory: still the client's request, still its token passed on
        given().auth().oauth2(token).get("/vehicles/v-2").then().statusCode(200)
                .body("path", equalTo("/vehicles/v-2"), "authorization", equalTo(true));
    }

    @Test
    void aRememberedTokenHoldsNoFinishedRequest() {
        String token = Tokens.apiClient("detached-client");
        given().auth().oauth2(token).get("/vehicles/v-1").then().statusCode(200);

        assertThat(tokens.remembered(token)).isNotNull().satisfies(identity -> {
            assertThat(identity.getPrincipal().getName()).isNotBlank();
            assertThat((Object) identity.getAttribute(io.vertx.ext.web.RoutingContext.class.getName())).isNull();
            assertThat((Object) identity.getAttribute(
                    io.quarkus.security.identity.AuthenticationRequestContext.class.getName())).isNull();
        });
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        for (String token : new String[] { Tokens.unknownKey("forgotten"), Tokens.expired("forgotten"),
                Tokens.forClient("forgotten").roles("api-client").audience("someone-else").mint() }) {
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(token).get("/vehicles").then().statusCode(401);
            }
            assertThat(tokens.remembers(token)).isFalse();
        }
    }

    @Test
    void aRememberedTokenExpiresAtItsExp() {
        Instant exp = Instant.parse("2026-12-06T10:00:00Z");
        var verified = new VerifiedTokens.Verified(QuarkusSecurityIdentity.builder().setAnonymous(true).build(), exp);
        assertThat(verified.validAt(exp.minusMillis(1))).isTrue();
        assertThat(verified.validAt(exp)).isFalse();
        assertThat(verified.validAt(exp.plusSeconds(1))).isFalse();
    }
}
