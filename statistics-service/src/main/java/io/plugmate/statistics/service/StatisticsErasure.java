package io.plugmate.statistics.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.UserErasure;
import io.smallrye.mutiny.Uni;

/**
 * A user erased ({@code UserDeleted}, docs/adr/0011): their charging sessions, the pair facts and telemetry samples
 * they were built from, their chargers' read consent and the user's ledger row are deleted, so no bucket counts them
 * any more.
 * The user's own row (which serialises their changes) goes first: the delete waits for a change in flight.
 */
@ApplicationScoped
public class StatisticsErasure implements UserErasure {

    @Override
    public Uni<Void> erase(String clientId, String userId) {
        return UserErasure.deleteRows(clientId, userId, "user_ledger", "charging_session", "pair_fact", "telemetry_sample",
                "charger_consent");
    }
}
