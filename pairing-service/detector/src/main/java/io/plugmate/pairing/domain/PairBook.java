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
            pair = move(pair, PairState.INACTIVE, reason, at, 0, List.of(), List.of());
        }
        Pair gone = pair.moved(PairState.DISSOLVED, 0, pair.evidence(), List.of(), at);
        pairs.put(gone.id(), gone);
        record(gone, pair.state(), PairState.DISSOLVED, reason, at, List.of(), List.of(), 0);
        events.add(new PairDissolved(nextEventId(), PairDissolved.SCHEMA_VERSION, clientId, userId, at, gone.id(),
                gone.vehicleId(), gone.chargerId(), reason));
    }

    Pair move(Pair pair, PairState to, String reason, Instant at, double confidence, List<Evidence> evidence,
            List<String> candidates) {
        Pair moved = pair.moved(to, confidence, evidence, candidates, at);
        pairs.put(moved.id(), moved);
        record(moved, pair.state(), to, reason, at, evidence, candidates, confidence);
        if (to == PairState.ACTIVE && pair.state() != PairState.ACTIVE) {
            events.add(new PairActivated(nextEventId(), PairActivated.SCHEMA_VERSION, clientId, userId, at, pair.id(),
                    pair.vehicleId(), pair.chargerId(), confidence, evidence));
        } else if (pair.state() == PairState.ACTIVE && to != PairState.ACTIVE) {
            events.add(new PairDeactivated(nextEventId(), PairDeactivated.SCHEMA_VERSION, clientId, userId, at,
                    pair.id(), pair.vehicleId(), pair.chargerId(), reason));
        }
        return moved;
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
