package io.plugmate.statistics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One charger's pairs as known at an instant of event time: their activations (with whether they were withdrawn)
 * and the ambiguities raised. Folded from the pair facts with {@code at <= asOf}, in event-time order.
 */
final class PairHistory {

    /** An activation of a pair: [from, to), to null while it lasts. */
    record Activation(String pairId, String vehicleId, Instant from, Instant to, double confidence,
            AttributedBy attributedBy, boolean withdrawn) {

        Duration overlap(Instant start, Instant end) {
            Instant a = from.isAfter(start) ? from : start;
            Instant b = to == null || to.isAfter(end) ? end : to;
            return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
        }

        boolean contains(Instant t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    record Mark(Instant at, String pairId, String vehicleId) {
    }

    final List<Activation> activations = new ArrayList<>();
    final List<Mark> ambiguities = new ArrayList<>();

    static final Comparator<PairFact> ORDER = Comparator.comparing(PairFact::at)
            .thenComparingLong(PairFact::sequence);

    /** @param facts this charger's facts, in {@link #ORDER} */
    static PairHistory asOf(List<PairFact> facts, Instant asOf) {
        PairHistory history = new PairHistory();
        Map<String, Activation> open = new LinkedHashMap<>();
        for (PairFact f : facts) {
            if (f.at().isAfter(asOf)) {
                break;
            }
            Activation current = open.get(f.pairId());
            switch (f.kind()) {
                case ACTIVATED -> open.put(f.pairId(), current == null
                        ? new Activation(f.pairId(), f.vehicleId(), f.at(), null, f.confidence(), f.attributedBy(), false)
                        // activated again while active: a person's confirmation upgrades the whole activation
                        : new Activation(f.pairId(), f.vehicleId(), current.from(), null, f.confidence(),
                                f.attributedBy(), false));
                case DEACTIVATED, WITHDRAWN, ENDED, DISSOLVED -> {
                    if (current != null) {
                        open.remove(f.pairId());
                        boolean withdrawn = f.kind() == PairFact.Kind.WITHDRAWN
                                || f.kind() == PairFact.Kind.DEACTIVATED && DeactivationReasons.withdraws(f.reason());
                        history.activations.add(new Activation(current.pairId(), current.vehicleId(), current.from(),
                                f.at(), current.confidence(), current.attributedBy(), withdrawn));
                    }
                }
                case AMBIGUOUS -> history.ambiguities.add(new Mark(f.at(), f.pairId(), f.vehicleId()));
            }
        }
        history.activations.addAll(open.values());
        return history;
    }
}
