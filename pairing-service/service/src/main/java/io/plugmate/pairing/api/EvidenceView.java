package io.plugmate.pairing.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.events.Evidence;

@Schema(name = "Evidence", description = "One signal behind a decision. Positive scores speak for the pair, negative "
        + "ones against it.")
public record EvidenceView(
        @Schema(description = "plug-in-timing, charging-start-timing, charging-state, charge-rate, location, person "
                + "or history", example = "plug-in-timing") String signal,
        @Schema(description = "What was observed, in words", example = "both reported plug-in 35s apart") String detail,
        @Schema(example = "0.6") double score) {

    static List<EvidenceView> of(List<Evidence> evidence) {
        return evidence == null ? List.of()
                : evidence.stream().map(e -> new EvidenceView(e.signal(), e.detail(), e.score())).toList();
    }
}
