package io.plugmate.vehicle.persistence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.device.ObservationConfig;
import io.plugmate.messaging.RetentionRule;
import io.plugmate.vehicle.config.LinkSessionRetentionConfig;
import io.plugmate.vehicle.config.RevocationConfig;

/**
 * This service's tables that only grow, for service-messaging's {@code TableRetention} (webhook deliveries and unlink
 * tombstones come from device-kit). Indexes on the time columns: V9, V12.
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

    /**
     * A revocation is deleted when the OEM confirms it; one it never confirms is given up after
     * {@link RevocationConfig#giveUpAfter()}, and only once it was tried (a service whose rounds are off keeps it).
     */
    @Produces
    @Singleton
    RetentionRule revocationsGivenUp(RevocationConfig config) {
        return RetentionRule.olderThan("grant revocations given up", "grant_revocation", "created_at",
                config.giveUpAfter()).and("t.attempts > 0");
    }
}
