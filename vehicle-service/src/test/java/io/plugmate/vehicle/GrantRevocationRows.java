package io.plugmate.vehicle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plugmate.vehicle.persistence.GrantRevocationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** The grants waiting for revocation, as a test reads and moves them. */
public final class GrantRevocationRows {

    private GrantRevocationRows() {
    }

    public static List<GrantRevocationEntity> of(UUID accountId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createSelectionQuery("from GrantRevocationEntity where accountId = :a",
                            GrantRevocationEntity.class).setParameter("a", accountId).getResultList())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's revocation is due again now (its back-off has passed). */
    public static void dueNow(UUID accountId) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createMutationQuery(
                            "update GrantRevocationEntity set nextAttemptAt = :now where accountId = :a")
                            .setParameter("now", Instant.now()).setParameter("a", accountId).executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
