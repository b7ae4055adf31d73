package io.plugmate.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Verifies minted tokens the way a relying party does: keys fetched from the published JWKS. */
class OidcTestServerTest {

    private static OidcTestServer server;
    private static JwtConsumer verifier;

    @BeforeAll
    static void start() {
        server = OidcTestServer.start();
        System.setProperty(OidcResource.URL_PROPERTY, server.issuer());
        verifier = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setExpectedIssuer(server.issuer())
                .setExpectedAudience(Tokens.AUDIENCE)
                .setVerificationKeyResolver(
                        new HttpsJwksVerificationKeyResolver(new HttpsJwks(server.issuer() + "/protocol/openid-connect/certs")))
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
        System.clearProperty(OidcResource.URL_PROPERTY);
    }

    @Test
    void discoveryNamesTheIssuerAndTheKeys() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.issuer() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"issuer\":\"" + server.issuer() + "\"", "/protocol/openid-connect/certs");
    }

    @Test
    void apiClientTokensCarryTheTenantAndRoles() throws Exception {
        JwtClaims claims = verifier.processToClaims(Tokens.apiClient("acme"));

        assertThat(claims.getClaimValueAsString("azp")).isEqualTo("acme");
        assertThat(claims.getClaimValueAsString("client_id")).isEqualTo("acme");
        assertThat(claims.getAudience()).containsExactly("plugmate-api");
        @SuppressWarnings("unchecked")
        Map<String, Object> realmAccess = (Map<String, Object>) claims.getClaimValue("realm_access");
        assertThat(realmAccess.get("roles")).isEqualTo(List.of("api-client"));
    }

    @Test
    void tenantClaimsCanBeChosen() throws Exception {
        JwtClaims azpOnly = verifier.processToClaims(Tokens.forClient("a").onlyAzpClaim().mint());
        JwtClaims clientIdOnly = verifier.processToClaims(Tokens.forClient("b").onlyClientIdClaim().mint());
        JwtClaims neither = verifier.processToClaims(Tokens.forClient("c").withoutClientClaims().mint());

        assertThat(azpOnly.hasClaim("client_id")).isFalse();
        assertThat(clientIdOnly.hasClaim("azp")).isFalse();
        assertThat(neither.hasClaim("azp") || neither.hasClaim("client_id")).isFalse();
    }

    @Test
    void adminTokensCarryTheAdminRole() throws Exception {
        assertThat(verifier.processToClaims(Tokens.admin("ops")).toJson()).contains("\"roles\":[\"admin\"]");
    }

    @Test
    void tokensARelyingPartyMustRefuseAreRefused() {
        assertThatThrownBy(() -> verifier.processToClaims(Tokens.unknownKey("acme"))).isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verifier.processToClaims(Tokens.unsigned("acme"))).isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verifier.processToClaims(Tokens.expired("acme"))).isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verifier.processToClaims(Tokens.forClient("acme").audience("someone-else").mint()))
                .isInstanceOf(InvalidJwtException.class);
        assertThatThrownBy(() -> verifier.processToClaims(Tokens.forClient("acme").issuer("http://evil.example").mint()))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void aMintRequestWithoutClientIsRefused() {
        assertThatThrownBy(() -> Tokens.forClient(" ").mint()).hasMessageContaining("clientId is required");
    }

    @Test
    void tokenRequestsSurviveTheQueryString() {
        var request = new TokenRequest("acme & co", List.of("api-client", "admin"), "plugmate-api", Duration.ofSeconds(90),
                TokenRequest.Signing.NONE, TokenRequest.TenantClaim.AZP, null);

        assertThat(TokenRequest.fromQuery(request.toQuery())).isEqualTo(request);
    }
}
