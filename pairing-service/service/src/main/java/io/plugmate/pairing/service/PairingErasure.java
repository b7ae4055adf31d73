package io.plugmate.pairing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.UserErasure;
import io.smallrye.mutiny.Uni;

/**
 * A user erased ({@code UserDeleted}, docs/adr/0011): their pairs, every pair's history (transitions with evidence) and
 * the detector's state of them are deleted; nothing is published (every service hears the same event).
 * The user's own row (which serialises their changes) goes first: the delete waits for a change in flight.
 */
@ApplicationScoped
public class PairingErasure implements UserErasure {

    @Override
    public Uni<Void> erase(String clientId, String userId) {
        return UserErasure.deleteRows(clientId, userId, "user_detector", "pair_transition", "pair");
    }
}
