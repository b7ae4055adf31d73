package io.plugmate.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.events.InvalidEventException;
import io.plugmate.events.UserDeleted;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * {@code user-events} in every service: a {@code UserDeleted} erases what the service holds about the client's user
 * (the service's {@link UserErasure}, then the user's command ledger rows), in one transaction with the inbox mark
 * ({@code <quarkus.application.name>/user-events}), so a redelivery changes nothing and a failed erasure is retried
 * whole, in place ({@link RetriedInPlace}). A record that is not a {@code UserDeleted} with a user goes to
 * {@code user-events-dlq} with its reason (the channel's defaults are this library's).
 */
@ApplicationScoped
public class UserDeletedConsumer {

    private final UserErasure erasure;
    private final Inbox inbox;
    private final String consumer;

    public UserDeletedConsumer(UserErasure erasure, Inbox inbox,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.erasure = erasure;
        this.inbox = inbox;
        this.consumer = service + "/user-events";
    }

    @Incoming("user-events")
    @RetriedInPlace
    @WithTransaction
    public Uni<Void> consume(String record) {
        return inbox.handleOnce(consumer, record, UserDeleted.class, event -> {
            if (event.userId() == null || event.userId().isBlank()) {
                throw new InvalidEventException("UserDeleted without userId");
            }
            return erasure.erase(event.clientId(), event.userId())
                    .chain(() -> UserErasure.deleteRows(event.clientId(), event.userId(), "device_command"));
        });
    }
}
