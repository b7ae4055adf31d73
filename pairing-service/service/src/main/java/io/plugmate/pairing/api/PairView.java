package io.plugmate.pairing.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.Verdict;
import io.plugmate.pairing.persistence.PairEntity;

/** The public EV system: one vehicle × one charger of a user, what detection concluded, and why. */
@Schema(name = "Pair", description = "An EV system: one vehicle and one charger of the same user. It exists once both "
        + "are linked and is dissolved when either is unlinked; detection activates it while the vehicle is plugged "
        + "into the charger. Times are event times (when the devices measured), not when Plugmate heard of them.")
public record PairView(
        @Schema(example = "0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a") String id,
        @Schema(example = "hh-0001") String userId,
        @Schema(example = "5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70") String vehicleId,
        @Schema(example = "a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d") String chargerId,
        @Schema(description = "INACTIVE: not plugged together as far as detection knows; ACTIVE: the vehicle is "
                + "plugged into the charger; AMBIGUOUS: as plausible as another pair sharing a device, so neither is "
                + "activated (see candidates); DISSOLVED: the vehicle or the charger was unlinked") PairState state,
        @Schema(description = "0..1; 1.0 while a person's confirmation holds", example = "0.86") double confidence,
        @Schema(description = "The signals behind the current state") List<EvidenceView> evidence,
        @Schema(description = "While AMBIGUOUS: the ids of the rival pairs that are just as plausible") List<String> candidates,
        @Schema(description = "What a person said about this pair, if anything; remembered and used as evidence") Verdict verdict,
        Instant verdictAt,
        @Schema(description = "When both devices were (last) linked") Instant establishedAt,
        @Schema(description = "When the pair last changed") Instant updatedAt,
        @Schema(description = "When the current activation began; null unless ACTIVE") Instant activatedAt) {

    static PairView of(PairEntity p) {
        return new PairView(p.id, p.userId, p.vehicleId, p.chargerId, p.state, p.confidence,
                EvidenceView.of(p.evidence), p.candidates == null ? List.of() : p.candidates, p.verdict,
                p.verdictAt, p.establishedAt, p.updatedAt, p.activatedAt);
    }
}
