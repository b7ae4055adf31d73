package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.messaging.NativeSelect;
import io.plugmate.pairing.domain.Pair;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.Transition;
import io.smallrye.mutiny.Uni;

/**
 * Mirrors a user's pairs and their new transitions into the query tables, in the caller's transaction (the one that
 * stores the snapshot). Only pairs that changed are written: most reports refresh nothing.
 * <p>
 * Two native statements at most, and no entity: the rows are written, never read back here. As managed entities
 * (before), every pair row loaded and every history entry persisted stayed in the batch's session, and each statement
 * after them — every snapshot, outbox and projection statement of the batch's other users — flushed the session first,
 * cascading and dirty-checking all of them: a quarter of the service's CPU under load (dev/benchmarks README,
 * session 11). The statements have one text whatever the number of rows (arrays, {@link NativeSelect}).
 */
@ApplicationScoped
public class PairProjection {

    // a pair of another user under the same id is never overwritten: the conflict's update skips it, and the count of
    // rows written says so
    private static final NativeSelect UPSERT_PAIRS = NativeSelect.of("""
            insert into pair (id, client_id, user_id, vehicle_id, charger_id, state, confidence, evidence, candidates,
                verdict, verdict_at, shared_episodes, established_at, updated_at, activated_at, created_at)
            select p.id, :clientId, :userId, p.vehicle_id, p.charger_id, p.state, p.confidence, p.evidence,
                p.candidates, p.verdict, p.verdict_at, p.shared_episodes, p.established_at, p.updated_at,
                p.activated_at, :now
            from unnest(cast(:ids as text[]), cast(:vehicleIds as text[]), cast(:chargerIds as text[]),
                    cast(:states as text[]), cast(:confidences as float8[]), cast(:evidence as text[]),
                    cast(:candidates as text[]), cast(:verdicts as text[]), cast(:verdictAts as timestamptz[]),
                    cast(:sharedEpisodes as int[]), cast(:establishedAts as timestamptz[]),
                    cast(:updatedAts as timestamptz[]), cast(:activatedAts as timestamptz[]))
                as p(id, vehicle_id, charger_id, state, confidence, evidence, candidates, verdict, verdict_at,
                    shared_episodes, established_at, updated_at, activated_at)
            on conflict (id) do update set vehicle_id = excluded.vehicle_id, charger_id = excluded.charger_id,
                state = excluded.state, confidence = excluded.confidence, evidence = excluded.evidence,
                candidates = excluded.candidates, verdict = excluded.verdict, verdict_at = excluded.verdict_at,
                shared_episodes = excluded.shared_episodes, established_at = excluded.established_at,
                updated_at = excluded.updated_at, activated_at = excluded.activated_at
            where pair.client_id = excluded.client_id and pair.user_id = excluded.user_id
            returning id
            """);
    // the ids (bigserial) follow the history's order: rows are inserted in the arrays' order
    private static final NativeSelect INSERT_TRANSITIONS = NativeSelect.of("""
            insert into pair_transition (pair_id, client_id, user_id, from_state, to_state, transitioned_at, reason,
                confidence, evidence, candidates, recorded_at)
            select t.pair_id, :clientId, :userId, t.from_state, t.to_state, t.transitioned_at, t.reason, t.confidence,
                t.evidence, t.candidates, :now
            from unnest(cast(:pairIds as text[]), cast(:fromStates as text[]), cast(:toStates as text[]),
                    cast(:transitionedAts as timestamptz[]), cast(:reasons as text[]), cast(:confidences as float8[]),
                    cast(:evidence as text[]), cast(:candidates as text[]))
                with ordinality as t(pair_id, from_state, to_state, transitioned_at, reason, confidence, evidence,
                    candidates, position)
            order by t.position
            returning id
            """);
    private static final JsonColumns.EvidenceList EVIDENCE = new JsonColumns.EvidenceList();
    private static final JsonColumns.StringList STRINGS = new JsonColumns.StringList();

    /**
     * @param before the user's pairs before the change (to skip the unchanged ones)
     * @param after the user's pairs now
     * @param history the change's transitions, in the detector's order
     */
    public Uni<Void> project(String clientId, String userId, List<Pair> before, List<Pair> after,
            List<Transition> history, Instant now) {
        Map<String, Pair> previous = new HashMap<>();
        before.forEach(p -> previous.put(p.id(), p));
        List<Pair> changed = after.stream().filter(p -> !Objects.equals(previous.get(p.id()), p)).toList();
        Uni<Void> written = changed.isEmpty() ? Uni.createFrom().voidItem() : upsert(clientId, userId, changed, now);
        return history.isEmpty() ? written : written.chain(() -> append(clientId, userId, history, now));
    }

    private static Uni<Void> upsert(String clientId, String userId, List<Pair> changed, Instant now) {
        int n = changed.size();
        String[] ids = new String[n];
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
        for (int i = 0; i < n; i++) {
            Pair pair = changed.get(i);
            ids[i] = pair.id();
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
        return UPSERT_PAIRS.with("clientId", clientId).with("userId", userId).with("now", now).with("ids", ids)
                .with("vehicleIds", vehicleIds).with("chargerIds", chargerIds).with("states", states)
                .with("confidences", confidences).with("evidence", evidence).with("candidates", candidates)
                .with("verdicts", verdicts).with("verdictAts", verdictAts).with("sharedEpisodes", sharedEpisodes)
                .with("establishedAts", establishedAts).with("updatedAts", updatedAts)
                .with("activatedAts", activatedAts).list()
                .invoke(rows -> {
                    if (rows.size() != n) {
                        throw new IllegalStateException("projected " + rows.size() + " of " + n
                                + " pairs: a pair id is another user's");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> append(String clientId, String userId, List<Transition> history, Instant now) {
        int n = history.size();
        String[] pairIds = new String[n];
        String[] fromStates = new String[n];
        String[] toStates = new String[n];
        OffsetDateTime[] transitionedAts = new OffsetDateTime[n];
        String[] reasons = new String[n];
        Double[] confidences = new Double[n];
        String[] evidence = new String[n];
        String[] candidates = new String[n];
        for (int i = 0; i < n; i++) {
            Transition t = history.get(i);
            pairIds[i] = t.pairId();
            fromStates[i] = name(t.from());
            toStates[i] = name(t.to());
            transitionedAts[i] = at(t.at());
            reasons[i] = t.reason();
            confidences[i] = t.confidence();
            evidence[i] = EVIDENCE.convertToDatabaseColumn(t.evidence());
            candidates[i] = STRINGS.convertToDatabaseColumn(t.candidates());
        }
        return INSERT_TRANSITIONS.with("clientId", clientId).with("userId", userId).with("now", now)
                .with("pairIds", pairIds).with("fromStates", fromStates).with("toStates", toStates)
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
