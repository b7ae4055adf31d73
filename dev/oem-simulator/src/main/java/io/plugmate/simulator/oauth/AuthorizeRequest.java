package io.plugmate.simulator.oauth;

/** The authorization request's parameters, from the query (GET) or the form (POST). */
public record AuthorizeRequest(String responseType, String clientId, String redirectUri, String state, String scope) {

    static final String DEFAULT_SCOPE = "devices charging";

    public AuthorizeRequest {
        scope = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope;
    }
}
