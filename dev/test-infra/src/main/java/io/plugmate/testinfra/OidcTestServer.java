package io.plugmate.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real OpenID provider for tests: discovery, a JWKS with a fresh RSA key per run, and a test-only mint endpoint that
 * signs tokens for any API client id. Services verify these tokens exactly as they would Keycloak's.
 */
public final class OidcTestServer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/plugmate";
    public static final String MINT_PATH = REALM_PATH + "/test/mint";

    private final HttpServer server;
    private final RsaJsonWebKey signingKey;
    private final TokenMinter minter;

    private OidcTestServer(HttpServer server, RsaJsonWebKey signingKey) {
        this.server = server;
        this.signingKey = signingKey;
        this.minter = new TokenMinter(issuer(), signingKey);
    }

    public static OidcTestServer start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("plugmate-test-" + Long.toHexString(System.nanoTime()));
            HttpServer http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            OidcTestServer server = new OidcTestServer(http, key);
            http.createContext(REALM_PATH + "/.well-known/openid-configuration", server::discovery);
            http.createContext(REALM_PATH + "/protocol/openid-connect/certs", server::jwks);
            http.createContext(MINT_PATH, server::mint);
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer, which is also what quarkus.oidc.auth-server-url must point at. */
    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String mintUrl() {
        return "http://localhost:" + server.getAddress().getPort() + MINT_PATH;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String body = """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "id_token_signing_alg_values_supported":["RS256"],"grant_types_supported":["client_credentials"]}
                """.formatted(issuer());
        respond(exchange, 200, body);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, new JsonWebKeySet(signingKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private void mint(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"POST only\"}");
            return;
        }
        try {
            TokenRequest request = TokenRequest.fromQuery(exchange.getRequestURI().getRawQuery());
            respond(exchange, 200, minter.mint(request));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                body.startsWith("{") ? "application/json" : "application/jwt");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
