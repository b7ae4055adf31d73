package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.List;

import io.plugmate.events.Evidence;

/** One step in a pair's history: from which state to which, when (event time), why, and on what evidence. */
public record Transition(String pairId, String vehicleId, String chargerId, PairState from, PairState to,
        Instant at, String reason, double confidence, List<Evidence> evidence, List<String> candidates) {

    public Transition {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
