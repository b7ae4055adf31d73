package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.pairing.Db;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.ReportTexts;
import io.plugmate.pairing.domain.UserDetector;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A transaction waiting for a user's row lock sent the stamp this instance held when it started waiting; another
 * transaction of this instance then stored the user and committed. The row comes back with its text (the stamps
 * differ), yet what it holds is what this instance holds now: the detector is taken from memory — not parsed from the
 * row — and the reports' texts kept for the next write stay. Before, every such lock parsed the row: most of the
 * snapshots read under load, one user's vehicle and charger reports taken by two consumers at once (dev/benchmarks).
 */
@QuarkusTest
class HeldWhileWaitingTest {

    @Inject
    DetectorStore store;
    @Inject
    DetectorCache cache;

    @Test
    void aSnapshotStoredWhileTheLockWaitedIsTakenFromMemory() throws Exception {
        String client = "waited-" + UUID.randomUUID();
        UserKey user = new UserKey(client, "u");
        Db.inTransaction(() -> store.lockAll(List.of(user)).chain(l -> store.saveAll(l.values(), Instant.now())));
        try (Connection other = Connections.open()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select 1 from user_detector where client_id = ? and user_id = ? for update")) {
                lock.setString(1, client);
                lock.setString(2, user.userId());
                assertThat(lock.executeQuery().next()).isTrue();
            }
            CompletableFuture<DetectorSnapshot> locking = CompletableFuture.supplyAsync(
                    () -> Db.inTransaction(() -> store.lock(client, user.userId()).map(UserDetector::snapshot)));
            Connections.awaitWaiterOn(other);

            // the other transaction stores a new state, as this instance's saveAll does: the row at a new stamp, and
            // in memory under it. What memory holds is told apart from the row's text here by its sequence.
            DetectorSnapshot inRow = emptyAt(client, 5);
            DetectorSnapshot inMemory = emptyAt(client, 7);
            long[] stored = store(other, user, inRow);
            ReportTexts texts = cache.get(user).reportTexts();
            cache.put(user, new DetectorCache.Stored(stored[0], stored[1], inMemory, texts));
            other.commit();

            assertThat(locking.get(60, TimeUnit.SECONDS).sequence()).isEqualTo(7);
            assertThat(cache.get(user).reportTexts()).isSameAs(texts);
        }
    }

    private static DetectorSnapshot emptyAt(String client, long sequence) {
        return new DetectorSnapshot(client, "u", sequence, null, List.of(), List.of(), List.of(), List.of());
    }

    /** The row updated as DetectorStore's save does it; its new stamp and version. */
    private static long[] store(Connection connection, UserKey user, DetectorSnapshot snapshot) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("""
                update user_detector set snapshot = ?, version = version + 1, stamp = nextval('user_detector_stamp')
                where client_id = ? and user_id = ? returning stamp, version""")) {
            update.setString(1, DetectorStore.write(snapshot));
            update.setString(2, user.clientId());
            update.setString(3, user.userId());
            try (ResultSet row = update.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new long[] { row.getLong(1), row.getLong(2) };
            }
        }
    }
}
