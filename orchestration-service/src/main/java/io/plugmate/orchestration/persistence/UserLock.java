package io.plugmate.orchestration.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Everything of one user happens one at a time: every transaction that changes a user's devices, pairs or actions
 * first takes the user's row lock here, until it commits. One statement creates the row of a user seen for the first
 * time and locks it, or locks the existing one ({@code insert … on conflict do update} holds the row's lock until
 * commit), so two first events racing end up on the same row, one after the other. A transaction takes one user's
 * lock, except the toggle change, which takes a client's users in a fixed order — so no cycle.
 * <p>
 * Why not {@code select … for update} with a result class: Hibernate makes such a native select a new query plan
 * cache key on every call, all with the same hash, so the cache grew with every transaction and each lookup walked the
 * colliding keys (the busiest frames of this service under load, see dev/benchmarks' README, "rest"). A native update
 * has one plan, and it is one round trip instead of two.
 */
@ApplicationScoped
public class UserLock {

    private static final String LOCK = """
            insert into user_lock (client_id, user_id) values (:clientId, :userId)
            on conflict (client_id, user_id) do update set user_id = excluded.user_id""";

    public Uni<Void> lock(String clientId, String userId) {
        return Panache.currentTransaction().onItem().ifNull()
                .failWith(() -> new IllegalStateException("UserLock.lock needs an active transaction"))
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery(LOCK).setParameter("clientId", clientId)
                        .setParameter("userId", userId).executeUpdate())
                .replaceWithVoid();
    }
}
