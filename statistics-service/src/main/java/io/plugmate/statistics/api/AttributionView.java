package io.plugmate.statistics.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.statistics.domain.AttributedBy;
import io.plugmate.statistics.domain.Attribution;
import io.plugmate.statistics.domain.AttributionStatus;

@Schema(name = "Attribution", description = "Whose a session is and why. A charger session during an active pair is "
        + "the pair's vehicle's, with the pair's confidence; it follows the pair's history (a person's rejection or "
        + "confirmation, detection withdrawing the pair), and every change is kept with when and why.")
public record AttributionView(
        @Schema(description = "ATTRIBUTED, GUEST (no pair active: the charger's), AMBIGUOUS (see candidates) or VEHICLE "
                + "(the vehicle's own estimate)") AttributionStatus status,
        @Schema(example = "5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70") String vehicleId,
        @Schema(example = "0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a") String pairId,
        @Schema(description = "The pair's confidence, 0..1; 1.0 when a person confirmed", example = "0.86") Double confidence,
        @Schema(description = "DETECTION or CONFIRMED (by a person)") AttributedBy attributedBy,
        @Schema(description = "While AMBIGUOUS: the pairs of this charger that were as plausible as each other") List<Attribution.Candidate> candidates,
        @Schema(description = "Event time this attribution holds from: the session's end, or the pair event that changed it") Instant changedAt,
        @Schema(example = "pair 0b7d… deactivated: rejected by a person → no pair of this charger was active during the session") String reason) {

    static AttributionView of(Attribution a) {
        return new AttributionView(a.status(), a.vehicleId(), a.pairId(), a.confidence(), a.attributedBy(),
                a.candidates(), a.at(), a.reason());
    }
}
