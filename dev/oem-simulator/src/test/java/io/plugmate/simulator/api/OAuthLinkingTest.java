package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class OAuthLinkingTest {

    private Map<String, Object> account;

    @BeforeEach
    void household() {
        account = Sandbox.account(Sandbox.household(List.of("TESLA"), List.of("TESLA")), "TESLA");
    }

    @Test
    void consentPageIsAnHtmlLoginForm() {
        given().queryParam("response_type", "code").queryParam("client_id", Sandbox.CLIENT_ID)
                .queryParam("redirect_uri", Sandbox.REDIRECT_URI).queryParam("state", "abc")
                .get("/oem/tesla/oauth/authorize")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\""), containsString("name=\"username\""),
                        containsString("value=\"approve\""), containsString("value=\"deny\""));
    }

    @Test
    void codeExchangeRefreshAndApiAccess() {
        Response redirect = Sandbox.authorize("TESLA", (String) account.get("username"),
                (String) account.get("password"), "approve");
        redirect.then().statusCode(302);
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.toString()).startsWith(Sandbox.REDIRECT_URI);
        assertThat(Sandbox.queryParam(location, "state")).isEqualTo("st-123");
        String code = Sandbox.queryParam(location, "code");

        JsonPath tokens = Sandbox.exchange("TESLA", code).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"), "expires_in", equalTo(3600),
                        "account_id", equalTo(account.get("accountId")), "refresh_token", notNullValue())
                .extract().jsonPath();
        String access = tokens.getString("access_token");
        given().auth().oauth2(access).get("/oem/tesla/api/me").then().statusCode(200)
                .body("accountId", equalTo(account.get("accountId")), "username", equalTo(account.get("username")));

        // a code works once
        Sandbox.exchange("TESLA", code).then().statusCode(400).body("error", equalTo("invalid_grant"));

        String oldRefresh = tokens.getString("refresh_token");
        JsonPath refreshed = Sandbox.refresh("TESLA", oldRefresh).then().statusCode(200).extract().jsonPath();
        assertThat(refreshed.getString("access_token")).isNotEqualTo(access);
        given().auth().oauth2(refreshed.getString("access_token")).get("/oem/tesla/api/me").then().statusCode(200);
        // refresh tokens rotate
        Sandbox.refresh("TESLA", oldRefresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().get("/sandbox/accounts/{id}", account.get("accountId")).then().statusCode(200)
                .body("linkedClients", equalTo(List.of(Sandbox.CLIENT_ID)));
    }

    @Test
    void expiredAccessTokenIsRefusedUntilRefreshed() {
        Sandbox.Tokens tokens = Sandbox.link("TESLA", account);
        given().post("/sandbox/accounts/{id}/expire-tokens", account.get("accountId")).then().statusCode(200);
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/vehicles").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .contentType("application/problem+json").body("status", equalTo(401));
        String fresh = Sandbox.refresh("TESLA", tokens.refreshToken()).then().statusCode(200).extract()
                .path("access_token");
        given().auth().oauth2(fresh).get("/oem/tesla/api/vehicles").then().statusCode(200);
    }

    @Test
    void revocationInvalidatesEveryTokenOfTheGrant() {
        Sandbox.Tokens tokens = Sandbox.link("TESLA", account);
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .formParam("token", tokens.accessToken()).post("/oem/tesla/oauth/revoke").then().statusCode(200);
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/me").then().statusCode(401);
        Sandbox.refresh("TESLA", tokens.refreshToken()).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void userRevokingAccessAtTheOemEndsTheLink() {
        Sandbox.Tokens tokens = Sandbox.link("TESLA", account);
        given().post("/sandbox/accounts/{id}/revoke-access", account.get("accountId")).then().statusCode(200)
                .body("linkedClients", equalTo(List.of()));
        given().auth().oauth2(tokens.accessToken()).get("/oem/tesla/api/me").then().statusCode(401);
        Sandbox.refresh("TESLA", tokens.refreshToken()).then().statusCode(400);
    }

    @Test
    void deniedConsentRedirectsWithAccessDenied() {
        Response redirect = Sandbox.authorize("TESLA", (String) account.get("username"),
                (String) account.get("password"), "deny");
        redirect.then().statusCode(302);
        URI location = URI.create(redirect.header("Location"));
        assertThat(Sandbox.queryParam(location, "error")).isEqualTo("access_denied");
        assertThat(Sandbox.queryParam(location, "state")).isEqualTo("st-123");
        assertThat(Sandbox.queryParam(location, "code")).isNull();
    }

    @Test
    void wrongPasswordStaysOnTheLoginPage() {
        Sandbox.authorize("TESLA", (String) account.get("username"), "not-the-password", "approve")
                .then().statusCode(401).body(containsString("Wrong username or password"));
    }

    @Test
    void clientsMustAuthenticateAndMatchTheirCodes() {
        String code = Sandbox.code("TESLA", account);
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, "wrong").formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", Sandbox.REDIRECT_URI)
                .post("/oem/tesla/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("other-client", "other-secret").formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", Sandbox.REDIRECT_URI)
                .post("/oem/tesla/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .formParam("grant_type", "password").post("/oem/tesla/oauth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void redirectUriMustMatchTheAuthorizationRequest() {
        String code = Sandbox.code("TESLA", account);
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", "http://evil.example/cb").post("/oem/tesla/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void unknownClientIsShownAnErrorNotRedirected() {
        given().redirects().follow(false).queryParam("response_type", "code").queryParam("client_id", "nobody")
                .queryParam("redirect_uri", Sandbox.REDIRECT_URI).get("/oem/tesla/oauth/authorize")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("client_id"));
    }

    /** As at real OEMs: only a redirect URI the client registered, exactly (a loopback one on any port). */
    @Test
    void anUnregisteredRedirectUriIsShownAnErrorNotRedirected() {
        for (String redirect : List.of("http://evil.example/callback", "https://localhost/callback",
                "http://localhost/callback/more", "http://localhost/callback?next=http://evil.example",
                "http://localhost.evil.example/callback")) {
            given().redirects().follow(false).queryParam("response_type", "code")
                    .queryParam("client_id", Sandbox.CLIENT_ID).queryParam("redirect_uri", redirect)
                    .get("/oem/tesla/oauth/authorize")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("redirect_uri"));
            given().redirects().follow(false).formParam("response_type", "code")
                    .formParam("client_id", Sandbox.CLIENT_ID).formParam("redirect_uri", redirect)
                    .formParam("username", account.get("username")).formParam("password", account.get("password"))
                    .formParam("decision", "approve").post("/oem/tesla/oauth/authorize")
                    .then().statusCode(400).body("errors[0].field", equalTo("redirect_uri"));
        }
        given().queryParam("response_type", "code").queryParam("client_id", Sandbox.CLIENT_ID)
                .queryParam("redirect_uri", "http://localhost:54321/callback").get("/oem/tesla/oauth/authorize")
                .then().statusCode(200);
    }

    @Test
    void aTokenOnlyWorksAtItsOwnVendor() {
        Sandbox.Tokens tokens = Sandbox.link("TESLA", account);
        given().auth().oauth2(tokens.accessToken()).get("/oem/wattbox/api/chargers").then().statusCode(401);
    }
}
