package io.plugmate.commons.problem;

import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.AuthenticationFailedException;

/**
 * 401 and 403 bodies, shared by the JAX-RS mappers and the HTTP-layer handler (a bad token is refused before JAX-RS
 * runs). A presented-but-refused token gets {@code error="invalid_token"} in its challenge (RFC 6750 §3.1); why it
 * was refused (signature, expiry, audience) is logged by quarkus-oidc, not told to the caller.
 */
final class SecurityProblems {

    private SecurityProblems() {
    }

    static Problem unauthorized(Throwable cause, String instance) {
        String detail = presentedTokenRefused(cause)
                ? "The bearer token is not valid."
                : "A valid bearer token is required.";
        return Problem.of(ProblemType.UNAUTHORIZED, detail, instance);
    }

    static Map<String, String> challenge(Throwable cause) {
        String challenge = presentedTokenRefused(cause)
                ? UnauthorizedProblem.BEARER_CHALLENGE + " error=\"invalid_token\""
                : UnauthorizedProblem.BEARER_CHALLENGE;
        return Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    static Problem forbidden(String instance) {
        return Problem.of(ProblemType.FORBIDDEN, "The caller is not allowed to do this.", instance);
    }

    private static boolean presentedTokenRefused(Throwable cause) {
        return cause instanceof AuthenticationFailedException;
    }
}
