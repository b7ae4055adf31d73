package io.plugmate.orchestration.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One vehicle × charger pair of a user, as pair-events told us; {@code establishedAt} orders a device's pairs. */
public record PairFacts(String pairId, String vehicleId, String chargerId, PairStatus status, Double confidence,
        Instant establishedAt) {

    public boolean live() {
        return status != PairStatus.DISSOLVED;
    }

    public boolean active() {
        return status == PairStatus.ACTIVE;
    }

    public String otherSide(String deviceId) {
        return deviceId.equals(vehicleId) ? chargerId : vehicleId;
    }

    String describe() {
        return "pair " + pairId + " is " + status + (confidence == null ? "" : " (confidence %.2f)".formatted(confidence));
    }

    /**
     * The pair that speaks for a device: its ACTIVE pair (a device is plugged into at most one), else its earliest
     * established live pair, so that the choice does not flap while nothing is plugged in.
     */
    public static Optional<PairFacts> relevant(List<PairFacts> pairs) {
        return pairs.stream().filter(PairFacts::live)
                .min(Comparator.comparing((PairFacts p) -> !p.active())
                        .thenComparing(PairFacts::establishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PairFacts::pairId));
    }
}
