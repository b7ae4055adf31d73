package io.plugmate.simulator.oauth;

/** An RFC 6749 error ({@code invalid_grant}, {@code invalid_client}, …), answered in OAuth's own JSON format. */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthException(String error, String description) {
        this(400, error, description);
    }

    public OAuthException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
