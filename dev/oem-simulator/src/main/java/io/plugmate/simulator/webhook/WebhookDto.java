package io.plugmate.simulator.webhook;

import java.time.Instant;

import io.plugmate.simulator.domain.Vendor;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A registered receiver; the secret is shown so that the client can verify signatures. */
@RegisterForReflection
public record WebhookDto(String id, Vendor vendor, String clientId, String url, String secret, Instant createdAt,
        long deliveredCount, long failedCount) {

    static WebhookDto of(WebhookSubscription s) {
        return new WebhookDto(s.id(), s.vendor(), s.clientId(), s.url(), s.secret(), s.createdAt(), s.deliveredCount(),
                s.failedCount());
    }
}
