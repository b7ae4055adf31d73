package io.plugmate.charger.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.UserErasure;
import io.smallrye.mutiny.Uni;

/**
 * A user erased ({@code UserDeleted}, docs/adr/0011): their chargers (with their observations and sessions), the
 * accounts with the sealed access tokens vehicle-service announced, and their unlink tombstones are deleted. The grants
 * themselves are revoked by vehicle-service, which holds the refresh tokens (revoking one ends the whole grant).
 */
@ApplicationScoped
public class ChargerErasure implements UserErasure {

    @Override
    public Uni<Void> erase(String clientId, String userId) {
        return UserErasure.deleteRows(clientId, userId, "charger", "oem_account", "unlinked_device");
    }
}
