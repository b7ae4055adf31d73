package io.plugmate.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real RS256 bearer tokens from the running {@link OidcResource}, for a chosen API client (the tenant) and roles.
 *
 * <pre>
 * given().auth().oauth2(Tokens.apiClient("acme"))...
 * Tokens.forClient("acme").roles("admin").expiresIn(Duration.ofSeconds(30)).mint();
 * </pre>
 */
public final class Tokens {

    /** The audience every Plugmate service verifies. */
    public static final String AUDIENCE = "plugmate-api";
    public static final String API_CLIENT_ROLE = "api-client";
    public static final String ADMIN_ROLE = "admin";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    public static String apiClient(String clientId) {
        return forClient(clientId).roles(API_CLIENT_ROLE).mint();
    }

    public static String admin(String clientId) {
        return forClient(clientId).roles(ADMIN_ROLE).mint();
    }

    /** Signed by a key the JWKS does not publish: must be refused. */
    public static String unknownKey(String clientId) {
        return forClient(clientId).roles(API_CLIENT_ROLE).signing(TokenRequest.Signing.UNKNOWN_KEY).mint();
    }

    /** {@code alg: none}: must be refused. */
    public static String unsigned(String clientId) {
        return forClient(clientId).roles(API_CLIENT_ROLE).signing(TokenRequest.Signing.NONE).mint();
    }

    public static String expired(String clientId) {
        return forClient(clientId).roles(API_CLIENT_ROLE).expiresIn(Duration.ofMinutes(-10)).mint();
    }

    public static Builder forClient(String clientId) {
        return new Builder(clientId);
    }

    public static final class Builder {
        private final String clientId;
        private List<String> roles = List.of();
        private String audience = AUDIENCE;
        private Duration expiresIn = Duration.ofMinutes(5);
        private TokenRequest.Signing signing = TokenRequest.Signing.VALID;
        private TokenRequest.TenantClaim tenantClaim = TokenRequest.TenantClaim.BOTH;
        private String issuer;

        private Builder(String clientId) {
            this.clientId = clientId;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /** null leaves the aud claim out. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Only {@code azp}, the way Keycloak client-credentials tokens name the client. */
        public Builder onlyAzpClaim() {
            this.tenantClaim = TokenRequest.TenantClaim.AZP;
            return this;
        }

        /** Only {@code client_id}, as some other IdPs do. */
        public Builder onlyClientIdClaim() {
            this.tenantClaim = TokenRequest.TenantClaim.CLIENT_ID;
            return this;
        }

        /** Neither claim: a token that names no API client. */
        public Builder withoutClientClaims() {
            this.tenantClaim = TokenRequest.TenantClaim.NEITHER;
            return this;
        }

        Builder signing(TokenRequest.Signing signing) {
            this.signing = signing;
            return this;
        }

        public String mint() {
            var request = new TokenRequest(clientId, roles, audience, expiresIn, signing, tenantClaim, issuer);
            URI uri = URI.create(mintUrl() + "?" + request.toQuery());
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("token mint refused: " + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String mintUrl() {
        String base = System.getProperty(OidcResource.URL_PROPERTY);
        if (base == null) {
            base = ConfigProvider.getConfig().getOptionalValue(OidcResource.URL_PROPERTY, String.class)
                    .orElseThrow(() -> new IllegalStateException(
                            "no OIDC test server: declare @WithTestResource(OidcResource.class) in the module"));
        }
        return base + "/test/mint";
    }
}
