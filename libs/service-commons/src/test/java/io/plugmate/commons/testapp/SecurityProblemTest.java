package io.plugmate.commons.testapp;

import static io.plugmate.commons.testapp.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Real signed tokens against the real OIDC server. The application-type and audience settings come from the
 * library's own defaults (the test configuration does not set them), so these tests also prove that a service gets
 * them without configuring anything.
 */
@QuarkusTest
class SecurityProblemTest {

    private static final String PATH = "/probe/tenant";

    @Test
    void aValidApiClientTokenIsAccepted() {
        given().auth().oauth2(Tokens.apiClient("acme")).get(PATH).then().statusCode(200);
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        Response response = given().get(PATH);

        assertProblem(response, 401, PATH);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anUnsignedTokenIs401() {
        assertInvalidToken(Tokens.unsigned("acme"));
    }

    @Test
    void aTokenSignedByAnUnknownKeyIs401() {
        assertInvalidToken(Tokens.unknownKey("acme"));
    }

    @Test
    void anExpiredTokenIs401() {
        assertInvalidToken(Tokens.expired("acme"));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertInvalidToken(Tokens.forClient("acme").roles("api-client").audience("someone-else").mint());
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertInvalidToken(Tokens.forClient("acme").roles("api-client").issuer("https://evil.example").mint());
    }

    @Test
    void garbageIs401() {
        assertInvalidToken("not-a-jwt");
    }

    @Test
    void aBadTokenIsRefusedEvenOnAPublicPath() {
        given().get("/probe/public").then().statusCode(200);
        assertProblem(given().auth().oauth2(Tokens.unsigned("acme")).get("/probe/public"), 401, "/probe/public");
    }

    /** The library's default deny-unannotated-endpoints: a forgotten annotation does not make an endpoint public. */
    @Test
    void anEndpointWithoutASecurityAnnotationIsDenied() {
        assertProblem(given().get("/probe-unannotated"), 401, "/probe-unannotated");
        assertProblem(given().auth().oauth2(Tokens.apiClient("acme")).get("/probe-unannotated"), 403,
                "/probe-unannotated");
    }

    @Test
    void theWrongRoleIs403() {
        Response response = given().auth().oauth2(Tokens.apiClient("acme")).get("/probe/admin");

        assertProblem(response, 403, "/probe/admin");
    }

    @Test
    void noRoleAtAllIs403() {
        assertProblem(given().auth().oauth2(Tokens.forClient("acme").mint()).get(PATH), 403, PATH);
    }

    @Test
    void theRightRoleIsAccepted() {
        given().auth().oauth2(Tokens.admin("ops")).get("/probe/admin").then().statusCode(200);
    }

    private static void assertInvalidToken(String token) {
        Response response = given().auth().oauth2(token).get(PATH);

        assertProblem(response, 401, PATH);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
