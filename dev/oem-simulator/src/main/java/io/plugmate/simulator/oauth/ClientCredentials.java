package io.plugmate.simulator.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import io.plugmate.simulator.config.SimulatorConfig;

/** Authenticates OAuth clients by HTTP Basic or by {@code client_id}/{@code client_secret} form fields (RFC 6749 2.3.1). */
@Singleton
public class ClientCredentials {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Map<String, String> clients;
    private final Map<String, List<String>> redirectUris;

    public ClientCredentials(SimulatorConfig config) {
        this.clients = config.oauth().clients();
        this.redirectUris = config.oauth().redirectUris();
    }

    public boolean isRegistered(String clientId) {
        return clientId != null && clients.containsKey(clientId);
    }

    /**
     * Whether the client registered this redirect URI: compared exactly (no prefix, no other path or query), except
     * that a loopback URI may name any port (RFC 8252 §7.3).
     */
    public boolean registeredRedirect(String clientId, URI redirect) {
        return redirectUris.getOrDefault(clientId, List.of()).stream().map(URI::create)
                .anyMatch(registered -> registered.equals(redirect) || loopbackOnAnyPort(registered, redirect));
    }

    private static boolean loopbackOnAnyPort(URI registered, URI redirect) {
        return LOOPBACK.contains(String.valueOf(registered.getHost())) && registered.getScheme().equals(
                redirect.getScheme()) && registered.getHost().equals(redirect.getHost())
                && registered.getRawPath().equals(redirect.getRawPath()) && redirect.getRawQuery() == null
                && redirect.getRawFragment() == null && redirect.getRawUserInfo() == null;
    }

    /** Returns the authenticated client id or throws {@code invalid_client} (401). */
    public String authenticate(String authorizationHeader, String formClientId, String formClientSecret) {
        String id = formClientId;
        String secret = formClientSecret;
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decode(authorizationHeader.substring(6).trim());
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                id = decoded.substring(0, colon);
                secret = decoded.substring(colon + 1);
            }
        }
        String expected = id == null ? null : clients.get(id);
        if (expected == null || secret == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthException(401, "invalid_client", "client authentication failed");
        }
        return id;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
