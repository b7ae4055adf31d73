package io.plugmate.simulator.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** RFC 6749 section 5.1 token response, plus the OEM's account id (as several real OEMs add). */
@RegisterForReflection
public record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        String scope,
        @JsonProperty("account_id") String accountId) {
}
