package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.Outcome;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.UserDetector;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A user's detector lives in the database, not in the process: a detector restored from the stored snapshot (what a
 * restarted instance, or the one a partition moved to, does) decides the next input exactly as the running service
 * does, event ids included.
 */
@QuarkusTest
class StateInDatabaseTest {

    @Inject
    DetectorStore store;
    @Inject
    PairRepository pairs;
    @Inject
    DetectorCache cache;
    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void aDetectorRestoredFromTheStoredSnapshotContinuesExactlyLikeTheService() {
        Household h = Household.fresh();
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            h.plugIn();
            events.await(PairActivated.class);

            DetectorSnapshot stored = Db.inSession(() -> store.read(h.clientId(), h.userId()));
            UserDetector restarted = UserDetector.restore(stored, DetectorSettings.defaults());
            assertThat(restarted.pair(h.pairId()).state()).isEqualTo(PairState.ACTIVE);
            PairEntity projected = Db.inSession(() -> pairs.findOwned(h.clientId(), h.pairId()));
            assertThat(projected.state).isEqualTo(PairState.ACTIVE);
            assertThat(projected.confidence).isEqualTo(restarted.pair(h.pairId()).confidence());
            assertThat(projected.evidence).isEqualTo(restarted.pair(h.pairId()).evidence());

            // the service vouches for nothing (ADR 0008): the vehicle's report is taken once the charger has reported
            VehicleStateObserved unplugged = h.vehicle(Duration.ofMinutes(45), false, false, 0);
            ChargerStateObserved after = h.charger(Duration.ofMinutes(45).plusSeconds(20), false, false, 0);
            assertThat(restarted.accept(unplugged, true, null).events()).isEmpty();
            Outcome expected = restarted.accept(after, true, null);
            assertThat(expected.events()).singleElement().isInstanceOf(PairDeactivated.class);

            Household.publish(unplugged);
            Household.publish(after);
            PairDeactivated published = events.await(PairDeactivated.class);
            assertThat(published).isEqualTo(expected.events().getFirst());
        }
        DetectorSnapshot after = Db.inSession(() -> store.read(h.clientId(), h.userId()));
        assertThat(after.pairs()).singleElement().extracting(p -> p.state()).isEqualTo(PairState.INACTIVE);
    }

    /**
     * The snapshot an instance holds is used only while the locked row is still at its stamp and version (ADR 0020):
     * a write by another instance, by an instance of the previous release (no stamp) or after the user was erased and
     * came back (the version counted again from 0) is read from the row.
     */
    @Test
    void aHeldSnapshotCountsOnlyWhileTheRowIsAtItsStampAndVersion() {
        Household h = Household.fresh();
        UserKey user = new UserKey(h.clientId(), h.userId());
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            h.plugIn();
            events.await(PairActivated.class);
        }
        DetectorSnapshot stored = Db.inSession(() -> store.read(h.clientId(), h.userId()));
        long[] row = stampAndVersion(user);
        DetectorCache.Stored held = cache.get(user);
        assertThat(held.snapshot()).isEqualTo(stored);
        assertThat(new long[] { held.stamp(), held.version() }).containsExactly(row);
        // the text of every report it was written with, for the next write (ADR 0020 amendment)
        assertThat(held.reportTexts().size()).isEqualTo(stored.devices().stream().mapToInt(d -> d.reports().size()).sum())
                .isPositive();
        assertThat(locked(user)).isEqualTo(stored);

        // another instance wrote: a new stamp
        DetectorSnapshot other = withReport(stored, h, h.vehicle(Duration.ofMinutes(30), true, true, 7.2));
        rewrite(user, other, "version = version + 1, stamp = nextval('user_detector_stamp')");
        assertThat(locked(user)).isEqualTo(other);

        // an instance of the previous release wrote: the stamp as it was, the version bumped
        DetectorSnapshot previousRelease = withReport(other, h, h.vehicle(Duration.ofMinutes(31), true, true, 7.1));
        rewrite(user, previousRelease, "version = version + 1");
        assertThat(locked(user)).isEqualTo(previousRelease);

        // erased and seen again: the version the instance holds, but a new stamp
        DetectorSnapshot again = withReport(previousRelease, h, h.vehicle(Duration.ofMinutes(32), true, true, 7.0));
        rewrite(user, again, "stamp = nextval('user_detector_stamp')");
        assertThat(locked(user)).isEqualTo(again);
        assertThat(cache.get(user).snapshot()).isEqualTo(again);
    }

    /**
     * Every transaction of the state topics locks, reads and stores detectors: each statement must cost one cached plan
     * whatever the number of users, not a new entry in Hibernate's query plan cache per call (a native select made one
     * every time, all under the same hash: see orchestration's UserLockTest). Batches of other sizes, held and not
     * held, new users and known ones: no plan cache miss after the first.
     */
    @Test
    void theStatementsMakeNoNewQueryPlan() {
        String client = "plans-" + UUID.randomUUID();
        assertThat(sessions.getStatistics().isStatisticsEnabled()).as("statistics in the test profile").isTrue();
        lockAndSave(client, 1);
        long missed = sessions.getStatistics().getQueryPlanCacheMissCount();
        for (int n = 2; n <= 16; n *= 2) {
            lockAndSave(client, n);
            cache.remove(new UserKey(client, "user-0")); // read from its row next time
        }
        Db.inSession(() -> store.read(client, "user-1"));
        assertThat(sessions.getStatistics().getQueryPlanCacheMissCount() - missed).isZero();
    }

    private void lockAndSave(String client, int users) {
        List<UserKey> keys = IntStream.range(0, users).mapToObj(i -> new UserKey(client, "user-" + i)).toList();
        Db.inTransaction(() -> store.lockAll(keys).chain(locked -> store.saveAll(locked.values(), Instant.now())));
    }

    private DetectorSnapshot locked(UserKey user) {
        return Db.inTransaction(() -> store.lock(user.clientId(), user.userId()).map(UserDetector::snapshot));
    }

    private static long[] stampAndVersion(UserKey user) {
        return Db.inSession(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery("select stamp, version from user_detector where client_id = :c and "
                        + "user_id = :u", Object[].class).setParameter("c", user.clientId())
                        .setParameter("u", user.userId()).getSingleResult())
                .map(r -> new long[] { ((Number) r[0]).longValue(), ((Number) r[1]).longValue() }));
    }

    private static void rewrite(UserKey user, DetectorSnapshot snapshot, String set) {
        Db.inTransaction(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery("update user_detector set snapshot = cast(cast(:json as text) as jsonb), "
                        + set + " where client_id = :c and user_id = :u").setParameter("json",
                                DetectorStore.write(snapshot))
                        .setParameter("c", user.clientId()).setParameter("u", user.userId()).executeUpdate()));
    }

    /** The snapshot with one more vehicle report applied: a state the service never held. */
    private static DetectorSnapshot withReport(DetectorSnapshot snapshot, Household h, VehicleStateObserved report) {
        UserDetector detector = UserDetector.restore(snapshot, DetectorSettings.defaults());
        detector.accept(report, true, null);
        DetectorSnapshot changed = detector.snapshot();
        assertThat(changed).isNotEqualTo(snapshot);
        return changed;
    }
}
