package io.plugmate.statistics.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a pair event says, reduced to what attribution needs, at its event time ({@code occurredAt}: the detector
 * stamps it with the user's latest event time).
 *
 * @param sequence the order the user's pair events arrived in (one partition per user: the detector's order)
 * @param confidence of an activation; 1.0 when a person confirmed
 * @param reason of a deactivation or dissolution, as the detector words it
 * @param candidates of an ambiguity: the rival pair ids
 */
public record PairFact(long sequence, Instant at, Kind kind, String pairId, String vehicleId, String chargerId,
        double confidence, AttributedBy attributedBy, String reason, List<String> candidates) {

    /**
     * DEACTIVATED is an end without pairing's {@code withdrawn} flag (schema 1: the reason phrase decides, see
     * {@link DeactivationReasons}); WITHDRAWN and ENDED carry the flag (schema 2): never right, or over.
     */
    public enum Kind {
        ACTIVATED,
        DEACTIVATED,
        WITHDRAWN,
        ENDED,
        AMBIGUOUS,
        DISSOLVED
    }

    public PairFact {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
