package io.plugmate.orchestration.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.DeviceType;
import io.plugmate.messaging.NativeSelect;
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
 * <p>
 * A request names a device or an action, not its user: the statement that finds the user in that row also takes the
 * user's lock ({@code insert … select … returning}), one statement instead of a lookup and then the lock (issue 14).
 * It reads the row as it was before the lock was granted, as the lookup did, so the caller reads what it decides with
 * in its next statement, under the lock. Native selects go through service-messaging's {@link NativeSelect}, past
 * Hibernate's query plan cache.
 */
@ApplicationScoped
public class UserLock {

    private static final String LOCK = """
            insert into user_lock (client_id, user_id) values (:clientId, :userId)
            on conflict (client_id, user_id) do update set user_id = excluded.user_id""";
    private static final NativeSelect LOCK_DEVICE_USER = NativeSelect.of("""
            insert into user_lock (client_id, user_id)
            select client_id, user_id from device
            where client_id = :clientId and device_type = :type and device_id = :deviceId and removed = false
            on conflict (client_id, user_id) do update set user_id = excluded.user_id
            returning user_id""");
    private static final NativeSelect LOCK_ACTION_USER = NativeSelect.of("""
            insert into user_lock (client_id, user_id)
            select client_id, user_id from action where id = :id and client_id = :clientId
            on conflict (client_id, user_id) do update set user_id = excluded.user_id
            returning user_id""");

    public Uni<Void> lock(String clientId, String userId) {
        return inTransaction("lock").chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery(LOCK).setParameter("clientId", clientId)
                        .setParameter("userId", userId).executeUpdate())
                .replaceWithVoid();
    }

    /** Locks the user of the client's linked device; null (nothing locked) when the client has no such device. */
    public Uni<String> lockUserOfDevice(String clientId, DeviceType type, String deviceId) {
        return inTransaction("lockUserOfDevice").chain(() -> LOCK_DEVICE_USER.with("clientId", clientId)
                .with("type", type.wireName()).with("deviceId", deviceId).value()).map(String.class::cast);
    }

    /** Locks the user of the client's action; null (nothing locked) when the client has no such action. */
    public Uni<String> lockUserOfAction(String clientId, UUID actionId) {
        return inTransaction("lockUserOfAction").chain(() -> LOCK_ACTION_USER.with("clientId", clientId)
                .with("id", actionId).value()).map(String.class::cast);
    }

    private static Uni<Void> inTransaction(String method) {
        return Panache.currentTransaction().onItem().ifNull()
                .failWith(() -> new IllegalStateException("UserLock." + method + " needs an active transaction"))
                .replaceWithVoid();
    }
}
