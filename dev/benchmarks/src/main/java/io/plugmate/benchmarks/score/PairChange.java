package io.plugmate.benchmarks.score;

import java.time.Instant;

import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.Transition;

/**
 * A pair transition together with the record that caused it: its position in the file and its delivery time (the
 * record's {@code occurredAt}), which is when a consumer of the pair events would have learnt of it.
 */
public record PairChange(int recordIndex, Instant processedAt, String householdId, Transition transition) {

    public String vehicleId() {
        return transition.vehicleId();
    }

    public String chargerId() {
        return transition.chargerId();
    }

    public boolean isActivation() {
        return transition.to() == PairState.ACTIVE && transition.from() != PairState.ACTIVE;
    }

    public boolean isDeactivation() {
        return transition.from() == PairState.ACTIVE && transition.to() != PairState.ACTIVE;
    }

    public boolean isAmbiguous() {
        return transition.to() == PairState.AMBIGUOUS;
    }

    /** Whether the pair involves this vehicle or this charger (the pair itself or a rival of it). */
    public boolean touches(String vehicleId, String chargerId) {
        return vehicleId().equals(vehicleId) || chargerId().equals(chargerId);
    }
}
