package io.plugmate.vehicle.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.UserErasure;
import io.smallrye.mutiny.Uni;

/**
 * A user erased (docs/adr/0011): every OEM account of theirs is let go — its grant queued for revocation at the OEM
 * ({@link GrantRevocations}), the account with its sealed credentials deleted — and their vehicles (with their
 * observations), link sessions and unlink tombstones are deleted. Runs in {@code DELETE /users/{userId}}'s transaction
 * ({@link UserService}) and again, finding nothing, when this service consumes its own {@code UserDeleted}.
 */
@ApplicationScoped
public class VehicleErasure implements UserErasure {

    private final AccountService accounts;

    public VehicleErasure(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Uni<Void> erase(String clientId, String userId) {
        return accounts.releaseAll(clientId, userId).chain(() -> UserErasure.deleteRows(clientId, userId, "vehicle",
                "link_session", "unlinked_device"));
    }
}
