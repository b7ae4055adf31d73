package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceType;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.service.PairingService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live path writes the pairs and their history with native statements and holds no entity in its session: every
 * statement of a batch flushes the session first (NativeSelect, as Hibernate does before a native query), and each
 * pair row loaded and history entry persisted made every later flush of the batch cascade and dirty-check it — a
 * quarter of the service's CPU under load. What is written is what the entities wrote: the pair as the detector has
 * it, and its transitions in the detector's order.
 */
@QuarkusTest
class ProjectionWithoutEntitiesTest {

    @Inject
    PairingService service;
    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void aBatchThatEstablishesAndActivatesAPairLoadsAndPersistsNoEntity() {
        Household h = Household.fresh();
        Statistics statistics = sessions.getStatistics();
        long loaded = statistics.getEntityStatistics(PairEntity.class.getName()).getLoadCount();
        long inserted = statistics.getEntityStatistics(TransitionEntity.class.getName()).getInsertCount()
                + statistics.getEntityStatistics(PairEntity.class.getName()).getInsertCount();

        Db.inTransaction(() -> service.acceptAll(List.of(h.linked(DeviceType.VEHICLE, h.vehicleId()),
                h.linked(DeviceType.CHARGER, h.chargerId()), h.vehicle(Duration.ofMinutes(1), false, false, 0),
                h.charger(Duration.ofMinutes(1), false, false, 0), h.vehicle(Duration.ofMinutes(10), true, true, 11),
                h.charger(Duration.ofMinutes(10).plusSeconds(20), true, true, 11.04),
                h.vehicle(Duration.ofMinutes(12), true, true, 11))));
        // a later batch changes the pair again: its row is updated, not inserted twice
        Db.inTransaction(() -> service.acceptAll(List.of(h.vehicle(Duration.ofMinutes(45), false, false, 0),
                h.charger(Duration.ofMinutes(45).plusSeconds(20), false, false, 0))));

        assertThat(statistics.getEntityStatistics(PairEntity.class.getName()).getLoadCount()).isEqualTo(loaded);
        assertThat(statistics.getEntityStatistics(TransitionEntity.class.getName()).getInsertCount()
                + statistics.getEntityStatistics(PairEntity.class.getName()).getInsertCount()).isEqualTo(inserted);
        PairEntity pair = Db.inSession(() -> pairs().findOwned(h.clientId(), h.pairId()));
        assertThat(pair.userId).isEqualTo(h.userId());
        assertThat(pair.state).isEqualTo(PairState.INACTIVE);
        assertThat(pair.establishedAt).isNotNull();
        assertThat(pair.evidence).isNotEmpty();
        List<TransitionEntity> history = Db.inSession(() -> history(h));
        assertThat(history).extracting(t -> t.toState).containsExactly(PairState.INACTIVE, PairState.ACTIVE,
                PairState.INACTIVE);
        assertThat(history.getFirst().fromState).isNull();
        assertThat(history).extracting(t -> t.transitionedAt).isSorted();
        assertThat(history.get(1).evidence).isNotEmpty(); // what the activation rested on
    }

    private static PairRepository pairs() {
        return io.quarkus.arc.Arc.container().instance(PairRepository.class).get();
    }

    private static io.smallrye.mutiny.Uni<List<TransitionEntity>> history(Household h) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s
                .createQuery("from TransitionEntity where clientId = ?1 and pairId = ?2 order by id",
                        TransitionEntity.class)
                .setParameter(1, h.clientId()).setParameter(2, h.pairId()).getResultList());
    }
}
