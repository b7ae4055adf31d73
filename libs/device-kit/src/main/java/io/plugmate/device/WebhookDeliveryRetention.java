package io.plugmate.device;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.messaging.RetentionRule;

/** The service's {@code webhook_delivery} rows go after {@link WebhookConfig#deliveryRetention()} (TableRetention). */
public class WebhookDeliveryRetention {

    @Produces
    @Singleton
    RetentionRule webhookDeliveries(WebhookConfig config) {
        return RetentionRule.olderThan("webhook deliveries", "webhook_delivery", "received_at",
                config.deliveryRetention());
    }
}
