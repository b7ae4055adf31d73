package io.plugmate.orchestration.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Everything of one user happens one at a time: every transaction that changes a user's devices, pairs or actions
 * first takes the user's row lock here, until it commits. A user seen for the first time gets a row ({@code insert …
 * on conflict do nothing}, then the locking select), so two first events racing end up on the same row. A transaction
 * takes one user's lock, except the toggle change, which takes a client's users in a fixed order — so no cycle.
 */
@ApplicationScoped
public class UserLock {

    private static final String CREATE = """
            insert into user_lock (client_id, user_id) values (:clientId, :userId) on conflict do nothing""";
    private static final String LOCK = """
            select user_id from user_lock where client_id = :clientId and user_id = :userId for update""";

    public Uni<Void> lock(String clientId, String userId) {
        return Panache.currentTransaction().onItem().ifNull()
                .failWith(() -> new IllegalStateException("UserLock.lock needs an active transaction"))
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery(CREATE).setParameter("clientId", clientId)
                        .setParameter("userId", userId).executeUpdate()
                        .chain(() -> session.createNativeQuery(LOCK, String.class).setParameter("clientId", clientId)
                                .setParameter("userId", userId).getResultList()))
                .replaceWithVoid();
    }
}
