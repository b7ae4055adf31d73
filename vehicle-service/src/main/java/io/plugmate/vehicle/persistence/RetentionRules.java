package io.plugmate.vehicle.persistence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.device.ObservationConfig;
import io.plugmate.messaging.RetentionRule;
import io.plugmate.vehicle.config.LinkSessionRetentionConfig;

/**
 * This service's tables that only grow, for service-messaging's {@code TableRetention} (webhook deliveries come from
 * device-kit). Indexes on the time columns: V9.
 */
public class RetentionRules {

    /** Observations only de-duplicate reports here; nothing reads older ones. */
    @Produces
    @Singleton
    RetentionRule observations(ObservationConfig config) {
        return RetentionRule.olderThan("vehicle observations", "vehicle_observation", "received_at",
                config.retention());
    }

    @Produces
    @Singleton
    RetentionRule linkSessions(LinkSessionRetentionConfig config) {
        return RetentionRule.olderThan("link sessions", "link_session", "expires_at", config.retention());
    }
}
