package io.plugmate.oem;

import java.time.Duration;

/** An OEM answered with an error; {@code oauthError} is OAuth's {@code error} code when it had one. */
public class OemException extends RuntimeException {

    private final int status;
    private final String oauthError;
    private final Duration retryAfter;

    public OemException(int status, String oauthError, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.oauthError = oauthError;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String oauthError() {
        return oauthError;
    }

    /** The OEM's {@code Retry-After} (a 429's, a 503's), or null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The OEM said no to this request (its 4xx); a 429 or a 5xx is trouble, not a refusal. */
    public boolean isRefusal() {
        return status / 100 == 4 && status != 429;
    }

    /**
     * Trouble worth the same request again later: the OEM throttled us (429), timed out waiting for us (408) or failed
     * itself (5xx). Any other 4xx is its answer to this request, and the same request gets the same answer.
     */
    public boolean isRetryable() {
        return status == 429 || status == 408 || status / 100 == 5;
    }

    /** The credential is no good any more (revoked, expired refresh token): the user must link again. */
    public boolean credentialInvalid() {
        return status == 401 || "invalid_grant".equals(oauthError);
    }
}
