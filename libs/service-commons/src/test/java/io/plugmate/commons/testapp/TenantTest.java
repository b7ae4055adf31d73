package io.plugmate.commons.testapp;

import static io.plugmate.commons.testapp.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TenantTest {

    @Test
    void theTenantIsTheAuthorizedParty() {
        String token = Tokens.forClient("acme").roles("api-client").onlyAzpClaim().mint();

        given().auth().oauth2(token).get("/probe/tenant").then().statusCode(200).body("clientId", equalTo("acme"));
    }

    @Test
    void withoutAzpTheTenantIsTheClientIdClaim() {
        String token = Tokens.forClient("globex").roles("api-client").onlyClientIdClaim().mint();

        given().auth().oauth2(token).get("/probe/tenant").then().statusCode(200).body("clientId", equalTo("globex"));
    }

    @Test
    void aTokenNamingNoClientIs403() {
        String token = Tokens.forClient("nobody").roles("api-client").withoutClientClaims().mint();

        assertProblem(given().auth().oauth2(token).get("/probe/tenant"), 403, "/probe/tenant");
    }

    @Test
    void adminsAreRecognised() {
        given().auth().oauth2(Tokens.forClient("ops").roles("api-client", "admin").mint())
                .get("/probe/admin").then().statusCode(200).body("admin", equalTo(true));
    }
}
