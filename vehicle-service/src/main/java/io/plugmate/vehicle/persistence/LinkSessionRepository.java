package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.validation.Ids;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Link sessions, found by the id a URL or an OAuth state carries. */
@ApplicationScoped
public class LinkSessionRepository implements PanacheRepositoryBase<LinkSessionEntity, UUID> {

    /** The session with this id, or null; an id that is not one of ours is as unknown as any other. */
    public Uni<LinkSessionEntity> findByIdText(String id) {
        UUID uuid = Ids.uuidOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : findById(uuid);
    }

    /** Whether the user completed a link of the account's chargers after {@code at}. */
    public Uni<Boolean> chargersLinkedAfter(UUID accountId, Instant at) {
        return count("accountId = ?1 and chargerRequested = true and completedAt > ?2", accountId, at)
                .map(linked -> linked > 0);
    }
}
