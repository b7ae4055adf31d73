package io.plugmate.vehicle.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.Topics;
import io.plugmate.events.UserDeleted;
import io.plugmate.messaging.Outbox;
import io.plugmate.vehicle.persistence.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Erasing a user (GDPR, docs/adr/0011). vehicle-service owns linking, so it is where a user comes into being and where
 * they are deleted: in one transaction it erases what it holds ({@link VehicleErasure}, grants queued for revocation)
 * and publishes {@code UserDeleted} through the outbox, which every other service applies to its own data. A user the
 * client has nothing linked for — or another client's user — is unknown (404).
 */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final VehicleErasure erasure;
    private final Outbox outbox;

    public UserService(UserRepository users, VehicleErasure erasure, Outbox outbox) {
        this.users = users;
        this.erasure = erasure;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Void> delete(String clientId, String userId) {
        return users.known(clientId, userId).chain(known -> {
            if (!known) {
                return Uni.createFrom().failure(NotFoundProblem.of("user", userId));
            }
            return erasure.erase(clientId, userId).chain(() -> outbox.publish(Topics.USERS, userId,
                    new UserDeleted(UUID.randomUUID(), UserDeleted.SCHEMA_VERSION, clientId, userId, WallClock.now())));
        });
    }
}
