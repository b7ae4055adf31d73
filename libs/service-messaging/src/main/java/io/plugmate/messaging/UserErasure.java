package io.plugmate.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What a service holds about one user, and how it is forgotten (GDPR erasure, {@code UserDeleted}, docs/adr/0011): one
 * bean per service, called by {@link UserDeletedConsumer} inside its transaction. The command ledger's rows of the user
 * ({@code device_command}, this library's table) are deleted by the consumer itself.
 */
public interface UserErasure {

    /** Deletes every row the service keeps about the client's user, inside the caller's transaction. */
    Uni<Void> erase(String clientId, String userId);

    /**
     * Deletes the client's user's rows from each table in turn (children before parents), inside the caller's
     * transaction; every table named must have {@code client_id} and {@code user_id} columns. The names are the
     * service's own constants, never input.
     */
    static Uni<Void> deleteRows(String clientId, String userId, String... tables) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : tables) {
            chain = chain.chain(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("delete from " + table + " where client_id = :client and user_id = :user")
                            .setParameter("client", clientId).setParameter("user", userId).executeUpdate())
                    .replaceWithVoid());
        }
        return chain;
    }
}
