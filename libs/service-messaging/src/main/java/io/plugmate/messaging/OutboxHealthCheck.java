package io.plugmate.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while committed events cannot reach Kafka: the service would accept changes it cannot announce. */
@Readiness
@ApplicationScoped
class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    OutboxHealthCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Instant failingSince = relay.failingSince();
        boolean healthy = failingSince == null
                || Duration.between(failingSince, Instant.now()).compareTo(config.unhealthyAfter()) < 0;
        var response = HealthCheckResponse.named("outbox-relay").status(healthy);
        if (failingSince != null) {
            response.withData("failingSince", failingSince.toString());
        }
        return response.build();
    }
}
