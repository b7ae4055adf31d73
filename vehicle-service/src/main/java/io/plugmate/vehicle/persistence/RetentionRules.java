package io.plugmate.vehicle.persistence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.device.ObservationConfig;
import io.plugmate.messaging.RetentionRule;
import io.plugmate.vehicle.config.LinkSessionRetentionConfig;
import io.plugmate.vehicle.config.RevocationConfig;
import io.plugmate.vehicle.config.TombstoneRetentionConfig;

/**
 * This service's tables that only grow, for service-messaging's {@code TableRetention} (webhook deliveries come from
 * device-kit). Indexes on the time columns: V9, V12.
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

    /** An unlink's tombstone, once its account is gone (docs/adr/0011; see {@link TombstoneRetentionConfig}). */
    @Produces
    @Singleton
    RetentionRule tombstones(TombstoneRetentionConfig config) {
        return RetentionRule.olderThan("unlink tombstones of accounts gone", "unlinked_device", "unlinked_at",
                config.retention()).and("not exists (select 1 from oem_account a where a.id = t.account_id)");
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
