package io.plugmate.simulator.oauth;

import java.time.Instant;

import io.plugmate.simulator.domain.Vendor;

/** One consent: this client may act on this OEM account until revoked. */
public record Grant(String id, String clientId, Vendor vendor, String accountId, String scope, Instant createdAt) {
}
