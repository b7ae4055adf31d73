package io.plugmate.oem;

import java.time.Instant;

/** What a code exchange or a refresh gives: the credential of one OEM account, for one OAuth client. */
public record OemGrant(String accountId, String accessToken, String refreshToken, Instant expiresAt, String scope) {

    @Override
    public String toString() {
        // never the tokens: this record may end up in a log line
        return "OemGrant[accountId=" + accountId + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}
