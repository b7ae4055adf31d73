package io.plugmate.orchestration.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.UserErasure;
import io.smallrye.mutiny.Uni;

/**
 * A user erased ({@code UserDeleted}, docs/adr/0011): their actions (with their plans), the devices and pairs kept for
 * routing and the user's lock row are deleted. A client's feature toggles are the client's, not the user's, and stay.
 * The user's own row (which serialises their changes) goes first: the delete waits for a change in flight.
 */
@ApplicationScoped
public class OrchestrationErasure implements UserErasure {

    @Override
    public Uni<Void> erase(String clientId, String userId) {
        return UserErasure.deleteRows(clientId, userId, "user_lock", "action", "pair", "device");
    }
}
