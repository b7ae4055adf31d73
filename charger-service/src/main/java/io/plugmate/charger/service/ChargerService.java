package io.plugmate.charger.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The charger use cases behind the API; every one is scoped to the calling API client. */
@ApplicationScoped
public class ChargerService {

    private final ChargerRepository chargers;
    private final Outbox outbox;

    public ChargerService(ChargerRepository chargers, Outbox outbox) {
        this.chargers = chargers;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<ChargerEntity> get(String clientId, String id) {
        return chargers.findOwned(clientId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("charger", id));
    }

    @WithSession
    public Uni<Page<ChargerEntity>> list(String clientId, String userId, PageRequest page) {
        return chargers.page(clientId, userId, page);
    }

    /** Unlinks: the charger disappears for the client and every service hears DeviceRemoved. */
    @WithTransaction
    public Uni<Void> unlink(String clientId, String id) {
        return chargers.findOwnedForUpdate(clientId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("charger", id))
                .call(chargers::delete)
                .chain(charger -> outbox.publish(Topics.DEVICE_LIFECYCLE, charger.userId,
                        new DeviceRemoved(UUID.randomUUID(), DeviceRemoved.SCHEMA_VERSION, clientId, charger.userId,
                                WallClock.now(), DeviceType.CHARGER, charger.id.toString())));
    }
}
