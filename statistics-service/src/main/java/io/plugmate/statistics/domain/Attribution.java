package io.plugmate.statistics.domain;

import java.time.Instant;
import java.util.List;

/**
 * Whose a session is, and why, as of {@code at} (event time: the session's end, or the pair event that changed it).
 *
 * @param pairId,confidence,attributedBy set when ATTRIBUTED
 * @param candidates when AMBIGUOUS: the pairs (with their vehicles) that were as plausible as each other
 */
public record Attribution(AttributionStatus status, String vehicleId, String pairId, Double confidence,
        AttributedBy attributedBy, List<Candidate> candidates, Instant at, String reason) {

    public record Candidate(String pairId, String vehicleId) {
    }

    public Attribution {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    static Attribution ownVehicle(String vehicleId, Instant at) {
        return new Attribution(AttributionStatus.VEHICLE, vehicleId, null, null, null, List.of(), at,
                "measured by the vehicle itself");
    }

    /** The same verdict, whenever and however it was reached. */
    boolean sameAs(Attribution other) {
        return status == other.status && java.util.Objects.equals(vehicleId, other.vehicleId)
                && java.util.Objects.equals(pairId, other.pairId) && java.util.Objects.equals(confidence, other.confidence)
                && attributedBy == other.attributedBy && candidates.equals(other.candidates);
    }

    Attribution as(Instant when, String why) {
        return new Attribution(status, vehicleId, pairId, confidence, attributedBy, candidates, when, why);
    }
}
