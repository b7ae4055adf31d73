package io.plugmate.commons.tenant;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which claim names the tenant: {@code azp} (the authorized party, what Keycloak puts in client-credentials tokens),
 * else {@code client_id} (RFC 9068 access tokens). Kept apart from the bean so the rule is testable without a token.
 */
public final class TenantClaims {

    public static final String AZP = "azp";
    public static final String CLIENT_ID = "client_id";

    private TenantClaims() {
    }

    /** @param claim looks a claim up by name; returns null when absent */
    public static Optional<String> clientId(Function<String, Object> claim) {
        return text(claim.apply(AZP)).or(() -> text(claim.apply(CLIENT_ID)));
    }

    private static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        // smallrye-jwt hands out JSON strings as jakarta.json.JsonString, whose toString() keeps the quotes
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
