package io.plugmate.commons.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.Tokens;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A token is verified once, remembered while it is valid, and a refused one is never remembered; a remembered token
 * still names its own client and roles (tenancy comes from the identity quarkus-oidc built the first time).
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void anAcceptedTokenIsRememberedAndServesAgainAsItsOwnClient() {
        String acme = Tokens.forClient("remembered-acme").roles("api-client").mint();
        String globex = Tokens.forClient("remembered-globex").roles("api-client").mint();
        assertThat(tokens.remembers(acme)).isFalse();

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(acme).get("/probe/tenant").then().statusCode(200)
                    .body("clientId", equalTo("remembered-acme"));
            given().auth().oauth2(globex).get("/probe/tenant").then().statusCode(200)
                    .body("clientId", equalTo("remembered-globex"));
            assertThat(tokens.remembers(acme)).isTrue();
            assertThat(tokens.remembers(globex)).isTrue();
        }
    }

    @Test
    void aRememberedTokenKeepsItsRoles() {
        String admin = Tokens.forClient("remembered-ops").roles("api-client", "admin").mint();
        String client = Tokens.forClient("remembered-client").roles("api-client").mint();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(admin).get("/probe/admin").then().statusCode(200).body("admin", equalTo(true));
            given().auth().oauth2(client).get("/probe/admin").then().statusCode(403);
        }
        assertThat(tokens.remembers(client)).isTrue();
    }

    @Test
    void aRememberedTokenHoldsNoFinishedRequest() {
        String token = Tokens.apiClient("detached-client");
        given().auth().oauth2(token).get("/probe/tenant").then().statusCode(200);

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
                given().auth().oauth2(token).get("/probe/tenant").then().statusCode(401);
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
