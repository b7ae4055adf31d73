package io.plugmate.simulator.oauth;

import io.plugmate.simulator.domain.Vendor;

/** Who an API request acts for, resolved from its bearer token. */
public record Caller(String accessToken, Grant grant) {

    public String accountId() {
        return grant.accountId();
    }

    public Vendor vendor() {
        return grant.vendor();
    }
}
