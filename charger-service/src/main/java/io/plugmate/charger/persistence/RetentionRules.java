package io.plugmate.charger.persistence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.device.ObservationConfig;
import io.plugmate.messaging.RetentionRule;

/**
 * This service's tables that only grow, for service-messaging's {@code TableRetention} (webhook deliveries and unlink
 * tombstones come from device-kit). Indexes on the time columns: V8, V13.
 */
public class RetentionRules {

    /**
     * Observations de-duplicate reports and are the readings plug sessions are derived from
     * ({@code ChargerSessionService} reads a charger's readings from the start of its open session, or from a late
     * reading's time). A closed session needs none of them; an open one needs all since it started, however long the
     * cable has been in, so those are kept. Statistics reads no observations: it gets sessions as events.
     */
    @Produces
    @Singleton
    RetentionRule observations(ObservationConfig config) {
        return RetentionRule.olderThan("charger observations", "charger_observation", "received_at",
                config.retention()).and("""
                        not exists (select 1 from charger_session s
                        where s.charger_id = t.charger_id and s.ended_at is null and s.started_at <= t.observed_at)""");
    }
}
