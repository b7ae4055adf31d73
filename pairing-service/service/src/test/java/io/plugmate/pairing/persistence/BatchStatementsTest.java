package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceType;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.messaging.NativeSelect;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.plugmate.pairing.SeededPairs;
import io.plugmate.pairing.domain.Pair;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.service.PairingService;
import io.plugmate.testinfra.Statements;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14: a batch's cost was its statements, not its rows — per changed user up to two projection statements and
 * one per pair event. A batch now writes all its users' changed pairs in one statement, all their transitions in one
 * and all their pair events in one, with the effects the users would have had one by one. Counted, never timed.
 */
@QuarkusTest
class BatchStatementsTest {

    @Inject
    PairingService service;
    @Inject
    PairProjection projection;
    @Inject
    DetectorStore store;

    /** The pair established, activated and deactivated: three transitions and three pair events. */
    private static List<PlugmateEvent> aPairsLife(Household h) {
        return List.of(h.linked(DeviceType.VEHICLE, h.vehicleId()), h.linked(DeviceType.CHARGER, h.chargerId()),
                h.vehicle(Duration.ofMinutes(1), false, false, 0), h.charger(Duration.ofMinutes(1), false, false, 0),
                h.vehicle(Duration.ofMinutes(10), true, true, 11),
                h.charger(Duration.ofMinutes(10).plusSeconds(20), true, true, 11.04),
                h.vehicle(Duration.ofMinutes(12), true, true, 11), h.vehicle(Duration.ofMinutes(45), false, false, 0),
                h.charger(Duration.ofMinutes(45).plusSeconds(20), false, false, 0),
                h.vehicle(Duration.ofMinutes(46), false, false, 0));
    }

    /** The users' inputs taking turns, as a partition holds them; each user's in their order. */
    private static List<PlugmateEvent> interleaved(List<List<PlugmateEvent>> users) {
        List<PlugmateEvent> batch = new ArrayList<>();
        int longest = users.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<PlugmateEvent> inputs : users) {
                if (i < inputs.size()) {
                    batch.add(inputs.get(i));
                }
            }
        }
        return batch;
    }

    private static long startingWith(List<String> statements, String prefix) {
        return statements.stream().filter(statement -> statement.startsWith(prefix)).count();
    }

    @Test
    void aBatchOfSeveralUsersWritesTheirPairsHistoryAndEventsInOneStatementEach() {
        // the same inputs for one user alone: what each user of the batch must end up with
        Household alone = Household.fresh();
        Db.inTransaction(() -> service.acceptAll(aPairsLife(alone)));
        List<Household> users = IntStream.range(0, 4).mapToObj(i -> Household.fresh()).toList();
        List<PlugmateEvent> batch = interleaved(users.stream().map(BatchStatementsTest::aPairsLife).toList());

        List<String> sent = Statements.during(() -> Db.inTransaction(() -> service.acceptAll(batch)));

        assertThat(startingWith(sent, "insert into pair (")).as("pair upserts").isEqualTo(1);
        assertThat(startingWith(sent, "insert into pair_transition ")).as("transition inserts").isEqualTo(1);
        assertThat(startingWith(sent, "insert into outbox_event ")).as("outbox inserts").isEqualTo(1);

        List<Row> aloneHistory = history(List.of(alone));
        assertThat(aloneHistory).extracting(Row::toState).containsExactly("INACTIVE", "ACTIVE", "INACTIVE");
        // ids in the batch's user order (their keys'), each user's transitions in the detector's order
        List<Household> keyOrder = users.stream().sorted(Comparator.comparing(Household::clientId)).toList();
        List<Row> expected = new ArrayList<>();
        keyOrder.forEach(h -> aloneHistory.forEach(t -> expected.add(new Row(h.clientId(), h.userId(), h.pairId(),
                t.fromState(), t.toState(), t.reason()))));
        assertThat(history(users)).containsExactlyElementsOf(expected);

        PairEntity alonePair = Db.inSession(() -> pairs().findOwned(alone.clientId(), alone.pairId()));
        List<Class<?>> aloneEvents = awaitEvents(alone, 3);
        assertThat(aloneEvents).containsExactly(PairEstablished.class, PairActivated.class, PairDeactivated.class);
        for (Household h : users) {
            PairEntity pair = Db.inSession(() -> pairs().findOwned(h.clientId(), h.pairId()));
            assertThat(pair.userId).isEqualTo(h.userId());
            assertThat(pair.state).isEqualTo(alonePair.state);
            assertThat(pair.confidence).isEqualTo(alonePair.confidence);
            assertThat(pair.evidence).isEqualTo(alonePair.evidence);
            assertThat(pair.establishedAt).isNotNull();
            assertThat(awaitEvents(h, aloneEvents.size())).as("%s's pair events, in order", h.userId())
                    .containsExactlyElementsOf(aloneEvents);
        }
    }

    @Test
    void aPairIdOfAnotherUserIsRefusedInABatchAndNothingOfTheBatchIsKept() {
        Household owner = Household.fresh();
        Household other = Household.fresh();
        Household bystander = Household.fresh();
        // the owner's row under the id the other user's pair is going to have
        PairEntity seeded = SeededPairs.seed(owner.clientId(), owner.userId(), PairState.INACTIVE, Instant.now());
        Db.inTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("update pair set id = ?1 where id = ?2").setParameter(1, other.pairId())
                .setParameter(2, seeded.id).executeUpdate()));
        List<PlugmateEvent> batch = interleaved(List.of(
                List.of(bystander.linked(DeviceType.VEHICLE, bystander.vehicleId()),
                        bystander.linked(DeviceType.CHARGER, bystander.chargerId())),
                List.of(other.linked(DeviceType.VEHICLE, other.vehicleId()),
                        other.linked(DeviceType.CHARGER, other.chargerId()))));

        assertThatThrownBy(() -> Db.inTransaction(() -> service.acceptAll(batch)))
                .hasStackTraceContaining("a pair id is another user's").hasStackTraceContaining(other.pairId());

        PairEntity untouched = Db.inSession(() -> pairs().findOwned(owner.clientId(), other.pairId()));
        assertThat(untouched.userId).isEqualTo(owner.userId());
        assertThat(untouched.vehicleId).isEqualTo(seeded.vehicleId);
        assertThat(Db.count("select count(*) from pair where client_id in ('" + bystander.clientId() + "', '"
                + other.clientId() + "')")).as("the batch's other pairs").isZero();
        assertThat(history(List.of(bystander, other, owner))).isEmpty();
    }

    /** Two users of one projection with one pair id: refused before PostgreSQL would refuse it less clearly. */
    @Test
    void onePairIdForTwoUsersOfABatchIsRefused() {
        Household first = Household.fresh();
        Household second = Household.fresh();
        Db.inTransaction(() -> service.acceptAll(List.of(first.linked(DeviceType.VEHICLE, first.vehicleId()),
                first.linked(DeviceType.CHARGER, first.chargerId()))));
        List<Pair> pairs = Db.inSession(() -> store.read(first.clientId(), first.userId())).pairs();
        assertThat(pairs).hasSize(1);
        Household third = Household.fresh();

        assertThatThrownBy(() -> Db.inTransaction(() -> projection.project(List.of(
                new PairProjection.Change(second.clientId(), second.userId(), List.of(), pairs, List.of()),
                new PairProjection.Change(third.clientId(), third.userId(), List.of(), pairs, List.of())),
                Instant.now()))).hasStackTraceContaining("changed for two users: a pair id is another user's");

        PairEntity pair = Db.inSession(() -> pairs().findOwned(first.clientId(), first.pairId()));
        assertThat(pair.userId).isEqualTo(first.userId());
    }

    private static List<Class<?>> awaitEvents(Household h, int count) {
        try (PairEvents events = PairEvents.of(h.clientId())) {
            Awaitility.await().atMost(PairEvents.PATIENCE).until(() -> events.all().size() >= count);
            assertThat(events.keys()).containsOnly(h.userId());
            return events.all().stream().<Class<?>> map(PairEvent::getClass).toList();
        }
    }

    private record Row(String clientId, String userId, String pairId, String fromState, String toState,
            String reason) {
    }

    private static final NativeSelect HISTORY = NativeSelect.of("""
            select client_id, user_id, pair_id, from_state, to_state, reason from pair_transition
            where client_id = any(cast(:clientIds as text[])) order by id
            """);

    /** The users' transitions in id order. */
    private static List<Row> history(List<Household> users) {
        String[] clientIds = users.stream().map(Household::clientId).toArray(String[]::new);
        return Db.inSession(() -> HISTORY.with("clientIds", clientIds).list()).stream()
                .map(row -> new Row((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5]))
                .toList();
    }

    private static PairRepository pairs() {
        return io.quarkus.arc.Arc.container().instance(PairRepository.class).get();
    }
}
