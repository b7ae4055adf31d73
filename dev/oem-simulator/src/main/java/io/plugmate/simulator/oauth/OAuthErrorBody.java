package io.plugmate.simulator.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** RFC 6749 section 5.2 error body. */
@RegisterForReflection
public record OAuthErrorBody(String error, @JsonProperty("error_description") String errorDescription) {
}
