package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.messaging.NativeSelect;
import io.plugmate.pairing.domain.Pair;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.Transition;
import io.smallrye.mutiny.Uni;

/**
 * Mirrors users' pairs and their new transitions into the query tables, in the caller's transaction (the one that
 * stores the snapshots). Only pairs that changed are written: most reports refresh nothing.
 * <p>
 * Two native statements at most for all the users of a batch, and no entity: the rows are written, never read back
 * here. As managed entities (before), every pair row loaded and every history entry persisted stayed in the batch's
 * session, and each statement after them flushed the session first, cascading and dirty-checking all of them: a quarter
 * of the service's CPU under load (dev/benchmarks README, session 11). Then two statements per user: the statement's
 * round trip and the client's work around it cost more than its rows (issue 14). The statements have one text whatever
 * the number of rows and users (arrays, {@link NativeSelect}).
 */
@ApplicationScoped
public class PairProjection {

    // a pair of another user under the same id is never overwritten: the conflict's update skips it, and the count of
    // rows written says so
    private static final NativeSelect UPSERT_PAIRS = NativeSelect.of("""
            insert into pair (id, client_id, user_id, vehicle_id, charger_id, state, confidence, evidence, candidates,
                verdict, verdict_at, shared_episodes, established_at, updated_at, activated_at, created_at)
            select p.id, p.client_id, p.user_id, p.vehicle_id, p.charger_id, p.state, p.confidence, p.evidence,
                p.candidates, p.verdict, p.verdict_at, p.shared_episodes, p.established_at, p.updated_at,
                p.activated_at, :now
            from unnest(cast(:ids as text[]), cast(:clientIds as text[]), cast(:userIds as text[]),
                    cast(:vehicleIds as text[]), cast(:chargerIds as text[]), cast(:states as text[]),
                    cast(:confidences as float8[]), cast(:evidence as text[]), cast(:candidates as text[]),
                    cast(:verdicts as text[]), cast(:verdictAts as timestamptz[]), cast(:sharedEpisodes as int[]),
                    cast(:establishedAts as timestamptz[]), cast(:updatedAts as timestamptz[]),
                    cast(:activatedAts as timestamptz[]))
                as p(id, client_id, user_id, vehicle_id, charger_id, state, confidence, evidence, candidates, verdict,
                    verdict_at, shared_episodes, established_at, updated_at, activated_at)
            on conflict (id) do update set vehicle_id = excluded.vehicle_id, charger_id = excluded.charger_id,
                state = excluded.state, confidence = excluded.confidence, evidence = excluded.evidence,
                candidates = excluded.candidates, verdict = excluded.verdict, verdict_at = excluded.verdict_at,
                shared_episodes = excluded.shared_episodes, established_at = excluded.established_at,
                updated_at = excluded.updated_at, activated_at = excluded.activated_at
            where pair.client_id = excluded.client_id and pair.user_id = excluded.user_id
            returning id
            """);
    // the ids (bigserial) follow the arrays' order — each user's history in the detector's order, the users in the
    // order given: rows are inserted in that order
    private static final NativeSelect INSERT_TRANSITIONS = NativeSelect.of("""
            insert into pair_transition (pair_id, client_id, user_id, from_state, to_state, transitioned_at, reason,
                confidence, evidence, candidates, recorded_at)
            select t.pair_id, t.client_id, t.user_id, t.from_state, t.to_state, t.transitioned_at, t.reason,
                t.confidence, t.evidence, t.candidates, :now
            from unnest(cast(:pairIds as text[]), cast(:clientIds as text[]), cast(:userIds as text[]),
                    cast(:fromStates as text[]), cast(:toStates as text[]), cast(:transitionedAts as timestamptz[]),
                    cast(:reasons as text[]), cast(:confidences as float8[]), cast(:evidence as text[]),
                    cast(:candidates as text[]))
                with ordinality as t(pair_id, client_id, user_id, from_state, to_state, transitioned_at, reason,
                    confidence, evidence, candidates, position)
            order by t.position
            returning id
            """);
    private static final JsonColumns.EvidenceList EVIDENCE = new JsonColumns.EvidenceList();
    private static final JsonColumns.StringList STRINGS = new JsonColumns.StringList();

    /**
     * One user's change.
     *
     * @param before the user's pairs before the change (to skip the unchanged ones)
     * @param after the user's pairs now
     * @param history the change's transitions, in the detector's order
     */
    public record Change(String clientId, String userId, List<Pair> before, List<Pair> after,
            List<Transition> history) {
    }

    /** A pair or transition with the user it belongs to. */
    private record Owned<T>(String clientId, String userId, T item) {
    }

    /**
     * Projects the changes of several users (each user once) in two statements at most: one writing the changed pairs
     * of all of them, one appending all their transitions — each user's in the detector's order, the users in the
     * list's order. Fails, writing nothing it would keep, if a pair id is another user's.
     */
    public Uni<Void> project(List<Change> changes, Instant now) {
        List<Owned<Pair>> changed = new ArrayList<>();
        List<Owned<Transition>> history = new ArrayList<>();
        for (Change change : changes) {
            Map<String, Pair> previous = new HashMap<>();
            change.before().forEach(p -> previous.put(p.id(), p));
            for (Pair pair : change.after()) {
                if (!Objects.equals(previous.get(pair.id()), pair)) {
                    changed.add(new Owned<>(change.clientId(), change.userId(), pair));
                }
            }
            change.history().forEach(t -> history.add(new Owned<>(change.clientId(), change.userId(), t)));
        }
        Uni<Void> written = changed.isEmpty() ? Uni.createFrom().voidItem() : upsert(changed, now);
        return history.isEmpty() ? written : written.chain(() -> append(history, now));
    }

    private static Uni<Void> upsert(List<Owned<Pair>> changed, Instant now) {
        int n = changed.size();
        String[] ids = new String[n];
        String[] clientIds = new String[n];
        String[] userIds = new String[n];
        String[] vehicleIds = new String[n];
        String[] chargerIds = new String[n];
        String[] states = new String[n];
        Double[] confidences = new Double[n];
        String[] evidence = new String[n];
        String[] candidates = new String[n];
        String[] verdicts = new String[n];
        OffsetDateTime[] verdictAts = new OffsetDateTime[n];
        Integer[] sharedEpisodes = new Integer[n];
        OffsetDateTime[] establishedAts = new OffsetDateTime[n];
        OffsetDateTime[] updatedAts = new OffsetDateTime[n];
        OffsetDateTime[] activatedAts = new OffsetDateTime[n];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Pair pair = changed.get(i).item();
            if (!distinct.add(pair.id())) {
                // one statement cannot write a row twice (PostgreSQL refuses it, less clearly): two users of a batch
                // with one pair id, the one user's pairs being distinct
                return Uni.createFrom().failure(new IllegalStateException("pair " + pair.id()
                        + " changed for two users: a pair id is another user's"));
            }
            ids[i] = pair.id();
            clientIds[i] = changed.get(i).clientId();
            userIds[i] = changed.get(i).userId();
            vehicleIds[i] = pair.vehicleId();
            chargerIds[i] = pair.chargerId();
            states[i] = pair.state().name();
            confidences[i] = pair.confidence();
            evidence[i] = EVIDENCE.convertToDatabaseColumn(pair.evidence());
            candidates[i] = STRINGS.convertToDatabaseColumn(pair.candidates());
            verdicts[i] = pair.memory() == null || pair.memory().verdict() == null ? null
                    : pair.memory().verdict().name();
            verdictAts[i] = pair.memory() == null ? null : at(pair.memory().verdictAt());
            sharedEpisodes[i] = pair.memory() == null ? 0 : pair.memory().sharedEpisodes();
            establishedAts[i] = at(pair.establishedAt());
            updatedAts[i] = at(pair.updatedAt());
            activatedAts[i] = at(pair.activatedAt());
        }
        return UPSERT_PAIRS.with("now", now).with("ids", ids).with("clientIds", clientIds).with("userIds", userIds)
                .with("vehicleIds", vehicleIds).with("chargerIds", chargerIds).with("states", states)
                .with("confidences", confidences).with("evidence", evidence).with("candidates", candidates)
                .with("verdicts", verdicts).with("verdictAts", verdictAts).with("sharedEpisodes", sharedEpisodes)
                .with("establishedAts", establishedAts).with("updatedAts", updatedAts)
                .with("activatedAts", activatedAts).list()
                .invoke(rows -> {
                    if (rows.size() != n) {
                        Set<String> refused = new LinkedHashSet<>(distinct);
                        rows.forEach(row -> refused.remove((String) row[0]));
                        throw new IllegalStateException("projected " + rows.size() + " of " + n
                                + " pairs: a pair id is another user's (" + String.join(", ", refused) + ")");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> append(List<Owned<Transition>> history, Instant now) {
        int n = history.size();
        String[] pairIds = new String[n];
        String[] clientIds = new String[n];
        String[] userIds = new String[n];
        String[] fromStates = new String[n];
        String[] toStates = new String[n];
        OffsetDateTime[] transitionedAts = new OffsetDateTime[n];
        String[] reasons = new String[n];
        Double[] confidences = new Double[n];
        String[] evidence = new String[n];
        String[] candidates = new String[n];
        for (int i = 0; i < n; i++) {
            Transition t = history.get(i).item();
            pairIds[i] = t.pairId();
            clientIds[i] = history.get(i).clientId();
            userIds[i] = history.get(i).userId();
            fromStates[i] = name(t.from());
            toStates[i] = name(t.to());
            transitionedAts[i] = at(t.at());
            reasons[i] = t.reason();
            confidences[i] = t.confidence();
            evidence[i] = EVIDENCE.convertToDatabaseColumn(t.evidence());
            candidates[i] = STRINGS.convertToDatabaseColumn(t.candidates());
        }
        return INSERT_TRANSITIONS.with("now", now).with("pairIds", pairIds).with("clientIds", clientIds)
                .with("userIds", userIds).with("fromStates", fromStates).with("toStates", toStates)
                .with("transitionedAts", transitionedAts).with("reasons", reasons).with("confidences", confidences)
                .with("evidence", evidence).with("candidates", candidates).list()
                .invoke(rows -> {
                    if (rows.size() != n) {
                        throw new IllegalStateException("recorded " + rows.size() + " of " + n + " transitions");
                    }
                })
                .replaceWithVoid();
    }

    private static String name(PairState state) {
        return state == null ? null : state.name();
    }

    /** As the entities stored them: microseconds (PostgreSQL's precision), UTC. */
    private static OffsetDateTime at(Instant instant) {
        Instant micros = WallClock.micros(instant);
        return micros == null ? null : OffsetDateTime.ofInstant(micros, ZoneOffset.UTC);
    }
}
