package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.pairing.Db;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.UserDetector;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two transactions sharing users never wait for each other in a circle: each takes its users' rows in key order, a
 * user seen for the first time included. Before, {@code lockAll} locked the rows that existed and then created the
 * missing ones: with user {@code a} created by another transaction still open, it held {@code b} while it waited for
 * {@code a}, and that transaction, taking {@code b} next (in key order), waited for it — PostgreSQL's 40P01, seen once
 * between the vehicle- and charger-state consumers under a flood of new users. Played here step by step on two real
 * connections: the other transaction is a plain JDBC one, told when to take its next lock.
 */
@QuarkusTest
class LockOrderTest {

    @Inject
    DetectorStore store;
    @Inject
    DetectorCache cache;

    @Test
    void aNewUserIsTakenInKeyOrderBeforeAnyRowIsLocked() throws Exception {
        String client = "order-" + UUID.randomUUID();
        UserKey a = new UserKey(client, "a");
        UserKey b = new UserKey(client, "b");
        Db.inTransaction(() -> store.lockAll(List.of(b))); // b exists (and this instance holds it)

        try (Connection other = Connections.open()) {
            other.setAutoCommit(false);
            // the other transaction creates a (first in key order): nobody else sees the row until it commits
            try (PreparedStatement insert = other.prepareStatement("""
                    insert into user_detector (client_id, user_id, snapshot, created_at, updated_at)
                    values (?, ?, ?, now(), now())""")) {
                insert.setString(1, client);
                insert.setString(2, a.userId());
                insert.setString(3, DetectorStore.write(UserDetector.start(client, a.userId(),
                        DetectorSettings.defaults()).snapshot()));
                insert.executeUpdate();
            }

            CompletableFuture<Map<UserKey, UserDetector>> locking = CompletableFuture
                    .supplyAsync(() -> Db.inTransaction(() -> store.lockAll(List.of(b, a))));
            // lockAll comes to a and waits for the other transaction
            Connections.awaitWaiterOn(other);

            // the other transaction goes on to b: free, because lockAll has locked nothing while it waits for a
            try (PreparedStatement lockB = other.prepareStatement(
                    "select 1 from user_detector where client_id = ? and user_id = ? for update nowait")) {
                lockB.setString(1, client);
                lockB.setString(2, b.userId());
                assertThat(lockB.executeQuery().next()).isTrue();
            }
            other.commit();

            assertThat(locking.get(60, TimeUnit.SECONDS)).containsOnlyKeys(a, b);
        }
    }

    /**
     * A user held in memory whose row is gone (erased by another instance) is not created behind a lock already taken:
     * the transaction fails without effect, and the next one, the user no longer held, creates the row before locking.
     * Alone in its transaction, the user is created at once (nothing was locked before it).
     */
    @Test
    void aHeldUserWhoseRowIsGoneIsCreatedOnlyBeforeAnyLock() throws Exception {
        String client = "gone-" + UUID.randomUUID();
        UserKey a = new UserKey(client, "a");
        UserKey b = new UserKey(client, "b");
        Db.inTransaction(() -> store.lockAll(List.of(a, b))); // both held
        delete(a);

        assertThatThrownBy(() -> Db.inTransaction(() -> store.lockAll(List.of(a, b))))
                .hasStackTraceContaining("tried again");
        assertThat(cache.get(a)).isNull();
        assertThat(Db.inTransaction(() -> store.lockAll(List.of(a, b)))).containsOnlyKeys(a, b);

        delete(a);
        assertThat(Db.inTransaction(() -> store.lock(client, a.userId())).snapshot().userId()).isEqualTo("a");
    }

    private static void delete(UserKey user) throws SQLException {
        try (Connection connection = Connections.open();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from user_detector where client_id = ? and user_id = ?")) {
            delete.setString(1, user.clientId());
            delete.setString(2, user.userId());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}
