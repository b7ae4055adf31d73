package io.plugmate.simulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Singleton;

import io.plugmate.simulator.config.SimulatorConfig;

/** Authenticates OAuth clients by HTTP Basic or by {@code client_id}/{@code client_secret} form fields (RFC 6749 2.3.1). */
@Singleton
public class ClientCredentials {

    private final Map<String, String> clients;

    public ClientCredentials(SimulatorConfig config) {
        this.clients = config.oauth().clients();
    }

    public boolean isRegistered(String clientId) {
        return clientId != null && clients.containsKey(clientId);
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
