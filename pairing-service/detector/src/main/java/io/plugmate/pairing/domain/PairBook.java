package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.plugmate.events.Evidence;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairAmbiguous;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.PairEvent;

/** A user's pairs, and every change to them recorded as a transition and, where the contract says so, a pair event. */
final class PairBook {

    private final String clientId;
    private final String userId;
    private final Map<String, Pair> pairs = new TreeMap<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<PairEvent> events = new ArrayList<>();
    private long sequence;

    PairBook(String clientId, String userId, long sequence, Collection<Pair> existing) {
        this.clientId = clientId;
        this.userId = userId;
        this.sequence = sequence;
        existing.forEach(p -> pairs.put(p.id(), p));
    }

    long sequence() {
        return sequence;
    }

    List<Pair> all() {
        return List.copyOf(pairs.values());
    }

    Pair get(String pairId) {
        return pairs.get(pairId);
    }

    Pair live(String vehicleId, String chargerId) {
        Pair p = pairs.get(Ids.pairId(clientId, userId, vehicleId, chargerId));
        return p != null && p.live() ? p : null;
    }

    void establish(String vehicleId, String chargerId, Instant at) {
        String id = Ids.pairId(clientId, userId, vehicleId, chargerId);
        Pair old = pairs.get(id);
        if (old != null && old.live()) {
            return;
        }
        Pair fresh = Pair.established(id, vehicleId, chargerId, at);
        // a re-linked pair keeps what people said about it and what was learned
        pairs.put(id, old == null ? fresh : fresh.withMemory(old.memory()));
        record(fresh, old == null ? null : PairState.DISSOLVED, PairState.INACTIVE, "vehicle and charger both linked",
                at, List.of(), List.of(), 0);
        events.add(new PairEstablished(nextEventId(), PairEstablished.SCHEMA_VERSION, clientId, userId, at, id,
                vehicleId, chargerId));
    }

    void dissolve(Pair pair, String reason, Instant at) {
        if (pair.state() == PairState.ACTIVE) {
            pair = deactivate(pair, Ending.over(reason), at, List.of());
        }
        Pair gone = pair.moved(PairState.DISSOLVED, 0, pair.evidence(), List.of(), at);
        pairs.put(gone.id(), gone);
        record(gone, pair.state(), PairState.DISSOLVED, reason, at, List.of(), List.of(), 0);
        events.add(new PairDissolved(nextEventId(), PairDissolved.SCHEMA_VERSION, clientId, userId, at, gone.id(),
                gone.vehicleId(), gone.chargerId(), reason));
    }

    /**
     * Moves a pair and records it; publishes PairActivated when it becomes ACTIVE and PairAmbiguous when it becomes
     * AMBIGUOUS or its rivals change (ADR 0010).
     */
    Pair move(Pair pair, PairState to, String reason, Instant at, double confidence, List<Evidence> evidence,
            List<String> candidates) {
        Pair moved = pair.moved(to, confidence, evidence, candidates, at);
        pairs.put(moved.id(), moved);
        record(moved, pair.state(), to, reason, at, evidence, candidates, confidence);
        if (to == PairState.ACTIVE && pair.state() != PairState.ACTIVE) {
            events.add(new PairActivated(nextEventId(), PairActivated.SCHEMA_VERSION, clientId, userId, at, pair.id(),
                    pair.vehicleId(), pair.chargerId(), confidence, evidence));
        } else if (pair.state() == PairState.ACTIVE && to != PairState.ACTIVE) {
            // the decision rules end activations through deactivate, which says whether it is withdrawn
            events.add(new PairDeactivated(nextEventId(), PairDeactivated.SCHEMA_VERSION, clientId, userId, at,
                    pair.id(), pair.vehicleId(), pair.chargerId(), reason, false));
        } else if (to == PairState.AMBIGUOUS) {
            events.add(new PairAmbiguous(nextEventId(), PairAmbiguous.SCHEMA_VERSION, clientId, userId, at, pair.id(),
                    pair.vehicleId(), pair.chargerId(), candidates));
        }
        return moved;
    }

    /** Ends an activation: ACTIVE to INACTIVE, published as PairDeactivated with the ending's reason and flag. */
    Pair deactivate(Pair pair, Ending ending, Instant at, List<Evidence> evidence) {
        Pair ended = pair.moved(PairState.INACTIVE, 0, evidence, List.of(), at);
        pairs.put(ended.id(), ended);
        record(ended, pair.state(), PairState.INACTIVE, ending.reason(), at, evidence, List.of(), 0);
        events.add(new PairDeactivated(nextEventId(), PairDeactivated.SCHEMA_VERSION, clientId, userId, at, pair.id(),
                pair.vehicleId(), pair.chargerId(), ending.reason(), ending.withdrawn()));
        return ended;
    }

    /**
     * An active pair stays active with news for its consumers (a person confirmed it): recorded, and published again
     * as PairActivated with its present confidence and evidence.
     */
    void reaffirm(Pair pair, String reason, Instant at) {
        record(pair, PairState.ACTIVE, PairState.ACTIVE, reason, at, pair.evidence(), List.of(), pair.confidence());
        events.add(new PairActivated(nextEventId(), PairActivated.SCHEMA_VERSION, clientId, userId, at, pair.id(),
                pair.vehicleId(), pair.chargerId(), pair.confidence(), pair.evidence()));
    }

    /** A history entry without a state change (a person's verdict). */
    void note(Pair pair, String reason, Instant at) {
        record(pair, pair.state(), pair.state(), reason, at, pair.evidence(), pair.candidates(), pair.confidence());
    }

    /** Replaces the pair without a history entry (refreshed evidence, remembered facts). */
    void put(Pair pair) {
        pairs.put(pair.id(), pair);
    }

    Outcome drain() {
        Outcome outcome = new Outcome(transitions, events, false);
        transitions.clear();
        events.clear();
        return outcome;
    }

    private void record(Pair pair, PairState from, PairState to, String reason, Instant at, List<Evidence> evidence,
            List<String> candidates, double confidence) {
        transitions.add(new Transition(pair.id(), pair.vehicleId(), pair.chargerId(), from, to, at, reason, confidence,
                evidence, candidates));
    }

    private UUID nextEventId() {
        return Ids.eventId(clientId, userId, ++sequence);
    }
}
