package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

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
}
