package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.List;

import io.plugmate.events.Evidence;

/**
 * An EV system: one vehicle × one charger of the same user, as detection sees it now.
 *
 * @param candidates while AMBIGUOUS, the ids of the rival pairs that are just as plausible
 * @param activatedAt event time of the current activation, null unless ACTIVE
 * @param plugInAt the vehicle's first plug-in report of the activation (identifies the plug-in it belongs to)
 * @param unplug while an ended activation waits for the other device's unplug report: who unplugged first, and when
 */
public record Pair(String id, String vehicleId, String chargerId, PairState state, double confidence,
        List<Evidence> evidence, List<String> candidates, PairMemory memory, Instant establishedAt, Instant updatedAt,
        Instant activatedAt, Instant plugInAt, Unplug unplug) {

    public Pair {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The first unplug report that ended an activation. */
    public record Unplug(String side, Instant at) {
    }

    static Pair established(String id, String vehicleId, String chargerId, Instant at) {
        return new Pair(id, vehicleId, chargerId, PairState.INACTIVE, 0, List.of(), List.of(), PairMemory.NONE, at, at,
                null, null, null);
    }

    Pair moved(PairState to, double newConfidence, List<Evidence> newEvidence, List<String> newCandidates, Instant at) {
        Instant activated = to == PairState.ACTIVE ? (state == PairState.ACTIVE ? activatedAt : at) : null;
        // an ended activation keeps its plug-in while it waits for the other device's unplug report
        Instant plug = to == PairState.ACTIVE || unplug != null ? plugInAt : null;
        return new Pair(id, vehicleId, chargerId, to, newConfidence, newEvidence, newCandidates, memory, establishedAt,
                at, activated, plug, unplug);
    }

    Pair withPlugIn(Instant vehiclePlugIn) {
        return new Pair(id, vehicleId, chargerId, state, confidence, evidence, candidates, memory, establishedAt,
                updatedAt, activatedAt, vehiclePlugIn, unplug);
    }

    Pair withMemory(PairMemory newMemory) {
        return new Pair(id, vehicleId, chargerId, state, confidence, evidence, candidates, newMemory, establishedAt,
                updatedAt, activatedAt, plugInAt, unplug);
    }

    Pair withUnplug(Unplug newUnplug) {
        return new Pair(id, vehicleId, chargerId, state, confidence, evidence, candidates, memory, establishedAt,
                updatedAt, activatedAt, plugInAt, newUnplug);
    }

    boolean live() {
        return state != PairState.DISSOLVED;
    }
}
