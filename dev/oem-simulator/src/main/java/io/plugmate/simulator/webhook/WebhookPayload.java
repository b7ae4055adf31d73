package io.plugmate.simulator.webhook;

import java.time.Instant;

import io.plugmate.simulator.domain.DeviceReport;
import io.plugmate.simulator.domain.Vendor;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of a webhook POST. {@code event} is {@code vehicle.state} or {@code charger.state}; {@code deliveredAt} is the
 * simulated time the cloud sent it (the report's own {@code observedAt} is usually earlier).
 */
@RegisterForReflection
public record WebhookPayload(String deliveryId, String event, Vendor vendor, String accountId, Instant deliveredAt,
        DeviceReport report) {
}
