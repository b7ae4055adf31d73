package io.plugmate.testinfra;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a test asks the OIDC test server to sign; travels as a query string so the server needs no JSON parser. */
record TokenRequest(String clientId, List<String> roles, String audience, Duration expiresIn, Signing signing,
        TenantClaim tenantClaim, String issuerOverride) {

    enum Signing {
        /** signed by the key the JWKS publishes */
        VALID,
        /** signed by a key nobody published */
        UNKNOWN_KEY,
        /** {@code alg: none}, no signature */
        NONE
    }

    enum TenantClaim {
        AZP,
        CLIENT_ID,
        BOTH,
        NEITHER
    }

    String toQuery() {
        StringBuilder query = new StringBuilder();
        append(query, "clientId", clientId);
        roles.forEach(role -> append(query, "role", role));
        append(query, "audience", audience);
        append(query, "expiresInSeconds", Long.toString(expiresIn.toSeconds()));
        append(query, "signing", signing.name());
        append(query, "tenantClaim", tenantClaim.name());
        if (issuerOverride != null) {
            append(query, "issuer", issuerOverride);
        }
        return query.toString();
    }

    static TokenRequest fromQuery(String rawQuery) {
        String clientId = null;
        String audience = null;
        String issuer = null;
        List<String> roles = new ArrayList<>();
        Duration expiresIn = Duration.ofMinutes(5);
        Signing signing = Signing.VALID;
        TenantClaim tenantClaim = TenantClaim.BOTH;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            switch (kv[0]) {
                case "clientId" -> clientId = value;
                case "role" -> roles.add(value);
                case "audience" -> audience = value;
                case "expiresInSeconds" -> expiresIn = Duration.ofSeconds(Long.parseLong(value));
                case "signing" -> signing = Signing.valueOf(value);
                case "tenantClaim" -> tenantClaim = TenantClaim.valueOf(value);
                case "issuer" -> issuer = value;
                default -> throw new IllegalArgumentException("unknown parameter " + kv[0]);
            }
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        return new TokenRequest(clientId, List.copyOf(roles), audience, expiresIn, signing, tenantClaim, issuer);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
