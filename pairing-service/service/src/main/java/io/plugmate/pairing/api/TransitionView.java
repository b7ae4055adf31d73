package io.plugmate.pairing.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.persistence.TransitionEntity;

@Schema(name = "PairTransition", description = "One entry of a pair's history. A person's verdict, and a plug-in the "
        + "two devices had together that ended without an activation (its reason says so, with both reports' times), "
        + "are entries whose from and to are the same state.")
public record TransitionView(
        @Schema(description = "null for the pair's first entry") PairState from,
        PairState to,
        @Schema(description = "Event time of the decision") Instant at,
        @Schema(example = "convincing and unrivalled (score 1.35)") String reason,
        @Schema(example = "0.73") double confidence,
        List<EvidenceView> evidence,
        List<String> candidates) {

    static TransitionView of(TransitionEntity t) {
        return new TransitionView(t.fromState, t.toState, t.transitionedAt, t.reason, t.confidence,
                EvidenceView.of(t.evidence), t.candidates == null ? List.of() : t.candidates);
    }
}
