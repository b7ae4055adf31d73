package io.plugmate.vehicle;

import java.time.Instant;
import java.util.UUID;

import io.plugmate.vehicle.persistence.OemAccountEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Moves a stored account through time, as if hours had passed, and reads it back. */
public final class StoredAccounts {

    private StoredAccounts() {
    }

    /** The account's vehicles were last read from the OEM at {@code at}. */
    public static void syncedAt(UUID accountId, Instant at) {
        update("update OemAccountEntity set syncedAt = :at where id = :id", accountId, at);
    }

    /** The stored access token expires (or expired) at {@code at}. */
    public static void tokenExpiresAt(UUID accountId, Instant at) {
        update("update OemAccountEntity set accessTokenExpiresAt = :at where id = :id", accountId, at);
    }

    public static OemAccountEntity reload(UUID accountId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.find(OemAccountEntity.class, accountId))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String hql, UUID accountId, Instant at) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createMutationQuery(hql).setParameter("at", at).setParameter("id", accountId)
                            .executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
