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

    /** Null unless the OEM rate-limited us (429). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The OEM said no to this request (its 4xx); a 429 or a 5xx is trouble, not a refusal. */
    public boolean isRefusal() {
        return status / 100 == 4 && status != 429;
    }

    /** The credential is no good any more (revoked, expired refresh token): the user must link again. */
    public boolean credentialInvalid() {
        return status == 401 || "invalid_grant".equals(oauthError);
    }
}
