package io.plugmate.pairing.persistence;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.messaging.RetentionRule;
import io.plugmate.pairing.config.TransitionRetentionConfig;

/**
 * Pair history past its window, for service-messaging's {@code TableRetention}. A transition goes only when a later one
 * of the same pair exists (in the history's order: event time, then id), so every pair keeps the transition into its
 * current state; the history index {@code (client_id, pair_id, transitioned_at, id)} answers that, V2 indexes the age.
 */
public class TransitionRetention {

    @Produces
    @Singleton
    RetentionRule pairTransitions(TransitionRetentionConfig config) {
        return RetentionRule.olderThan("pair transitions", "pair_transition", "recorded_at", config.retention())
                .and("""
                        exists (select 1 from pair_transition later
                        where later.client_id = t.client_id and later.pair_id = t.pair_id
                        and (later.transitioned_at, later.id) > (t.transitioned_at, t.id))""");
    }
}
