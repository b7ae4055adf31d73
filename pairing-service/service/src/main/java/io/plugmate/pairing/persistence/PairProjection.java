package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.pairing.domain.Pair;
import io.plugmate.pairing.domain.Transition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Mirrors a user's pairs and their new transitions into the query tables, in the caller's transaction (the one that
 * stores the snapshot). Only pairs that changed are written: most reports refresh nothing.
 */
@ApplicationScoped
public class PairProjection {

    private final PairRepository pairs;
    private final TransitionRepository transitions;

    public PairProjection(PairRepository pairs, TransitionRepository transitions) {
        this.pairs = pairs;
        this.transitions = transitions;
    }

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
        Uni<Void> written = changed.isEmpty() ? Uni.createFrom().voidItem()
                : pairs.ofUser(clientId, userId).chain(rows -> upsert(clientId, userId, changed, rows, now));
        // one after the other: a reactive session runs one operation at a time, and the identity order is the history order
        for (Transition t : history) {
            written = written.chain(() -> transitions.persist(entry(clientId, userId, t, now)).replaceWithVoid());
        }
        return written.call(() -> Panache.getSession().chain(session -> session.flush()));
    }

    private Uni<Void> upsert(String clientId, String userId, List<Pair> changed, List<PairEntity> rows, Instant now) {
        Map<String, PairEntity> existing = new HashMap<>();
        rows.forEach(row -> existing.put(row.id, row));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Pair pair : changed) {
            PairEntity row = existing.get(pair.id());
            if (row != null) {
                copy(pair, row); // managed: flushed with the transaction
            } else {
                PairEntity fresh = new PairEntity();
                fresh.id = pair.id();
                fresh.clientId = clientId;
                fresh.userId = userId;
                fresh.createdAt = now;
                copy(pair, fresh);
                chain = chain.chain(() -> pairs.persist(fresh).replaceWithVoid());
            }
        }
        return chain;
    }

    private static void copy(Pair pair, PairEntity row) {
        row.vehicleId = pair.vehicleId();
        row.chargerId = pair.chargerId();
        row.state = pair.state();
        row.confidence = pair.confidence();
        row.evidence = pair.evidence();
        row.candidates = pair.candidates();
        row.verdict = pair.memory() == null ? null : pair.memory().verdict();
        row.verdictAt = pair.memory() == null ? null : WallClock.micros(pair.memory().verdictAt());
        row.sharedEpisodes = pair.memory() == null ? 0 : pair.memory().sharedEpisodes();
        row.establishedAt = WallClock.micros(pair.establishedAt());
        row.updatedAt = WallClock.micros(pair.updatedAt());
        row.activatedAt = WallClock.micros(pair.activatedAt());
    }

    private static TransitionEntity entry(String clientId, String userId, Transition t, Instant now) {
        TransitionEntity entry = new TransitionEntity();
        entry.pairId = t.pairId();
        entry.clientId = clientId;
        entry.userId = userId;
        entry.fromState = t.from();
        entry.toState = t.to();
        entry.transitionedAt = WallClock.micros(t.at());
        entry.reason = t.reason();
        entry.confidence = t.confidence();
        entry.evidence = t.evidence();
        entry.candidates = t.candidates();
        entry.recordedAt = now;
        return entry;
    }
}
