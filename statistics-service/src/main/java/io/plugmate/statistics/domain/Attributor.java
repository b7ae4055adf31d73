package io.plugmate.statistics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose a charger session is, from the charger's pair history, by event time only:
 * <ol>
 * <li>an activation that was not withdrawn and overlaps the session by at least {@code minOverlap} (or half the
 * session, if that is shorter) attributes it to the pair's vehicle; with several, the largest overlap wins (then a
 * confirmed one, then the later one);</li>
 * <li>otherwise an ambiguity raised during the session (or {@code ambiguityLead} before it) leaves it unattributed,
 * with the ambiguous pairs of this charger as candidates;</li>
 * <li>otherwise it is a guest's.</li>
 * </ol>
 * The attribution is first taken as of the session's end; every later pair event of a pair the charger had by then is
 * a moment it may change (a rejection, a confirmation, a withdrawal). Its history is those changes, stamped with the
 * pair events' event times, so it does not depend on the order in which sessions and pair events arrived.
 */
public final class Attributor {

    private final StatisticsSettings settings;

    public Attributor(StatisticsSettings settings) {
        this.settings = settings;
    }

    /** @return the attributions over time, oldest first; the last one is current */
    public List<Attribution> history(String chargerId, Instant start, Instant end, List<PairFact> userFacts) {
        List<PairFact> facts = userFacts.stream().filter(f -> chargerId.equals(f.chargerId()))
                .sorted(PairHistory.ORDER).toList();
        List<Attribution> history = new ArrayList<>();
        Attribution current = attribute(facts, start, end, end);
        history.add(current);
        Instant horizon = end.plus(settings.ambiguityLead());
        Set<String> known = new HashSet<>();
        facts.stream().filter(f -> !f.at().isAfter(horizon)).forEach(f -> known.add(f.pairId()));
        TreeSet<Instant> moments = new TreeSet<>();
        facts.stream().filter(f -> f.at().isAfter(end) && known.contains(f.pairId())).forEach(f -> moments.add(f.at()));
        for (Instant moment : moments) {
            Attribution next = attribute(facts, start, end, moment);
            if (!next.sameAs(current)) {
                current = next.as(moment, why(facts, moment, next));
                history.add(current);
            }
        }
        return history;
    }

    private Attribution attribute(List<PairFact> facts, Instant start, Instant end, Instant asOf) {
        PairHistory pairs = PairHistory.asOf(facts, asOf);
        Duration length = Duration.between(start, end);
        Duration needed = length.dividedBy(2).compareTo(settings.minOverlap()) < 0 ? length.dividedBy(2)
                : settings.minOverlap();
        PairHistory.Activation best = null;
        Duration bestOverlap = Duration.ZERO;
        for (PairHistory.Activation a : pairs.activations) {
            if (a.withdrawn()) {
                continue;
            }
            Duration overlap = a.overlap(start, end);
            boolean qualifies = length.isZero() ? a.contains(start) : overlap.isPositive() && overlap.compareTo(needed) >= 0;
            if (qualifies && (best == null || better(a, overlap, best, bestOverlap))) {
                best = a;
                bestOverlap = overlap;
            }
        }
        if (best != null) {
            String to = best.to() == null ? "on" : "to " + best.to();
            return new Attribution(AttributionStatus.ATTRIBUTED, best.vehicleId(), best.pairId(), best.confidence(),
                    best.attributedBy(), List.of(), asOf, "pair " + best.pairId() + " active from " + best.from()
                            + " " + to + ", " + minutes(bestOverlap) + " of the session");
        }
        Instant from = start.minus(settings.ambiguityLead());
        TreeSet<String> seen = new TreeSet<>();
        List<Attribution.Candidate> candidates = new ArrayList<>();
        pairs.ambiguities.stream().filter(m -> !m.at().isBefore(from) && !m.at().isAfter(end))
                .sorted(Comparator.comparing(PairHistory.Mark::pairId))
                .forEach(m -> {
                    if (seen.add(m.pairId())) {
                        candidates.add(new Attribution.Candidate(m.pairId(), m.vehicleId()));
                    }
                });
        if (!candidates.isEmpty()) {
            return new Attribution(AttributionStatus.AMBIGUOUS, null, null, null, null, candidates, asOf,
                    candidates.size() + " pair(s) of this charger were ambiguous during the session");
        }
        return new Attribution(AttributionStatus.GUEST, null, null, null, null, List.of(), asOf,
                "no pair of this charger was active during the session");
    }

    private static boolean better(PairHistory.Activation a, Duration overlap, PairHistory.Activation best,
            Duration bestOverlap) {
        int byOverlap = overlap.compareTo(bestOverlap);
        if (byOverlap != 0) {
            return byOverlap > 0;
        }
        if (a.attributedBy() != best.attributedBy()) {
            return a.attributedBy() == AttributedBy.CONFIRMED;
        }
        int byStart = a.from().compareTo(best.from());
        return byStart != 0 ? byStart > 0 : a.pairId().compareTo(best.pairId()) > 0;
    }

    /** What the pair events at {@code moment} said, for the history entry they caused. */
    private static String why(List<PairFact> facts, Instant moment, Attribution result) {
        List<String> said = new ArrayList<>();
        for (PairFact f : facts) {
            if (f.at().equals(moment)) {
                said.add(switch (f.kind()) {
                    case ACTIVATED -> "pair " + f.pairId() + (f.attributedBy() == AttributedBy.CONFIRMED
                            ? " confirmed by a person"
                            : " activated");
                    case DEACTIVATED, WITHDRAWN, ENDED -> "pair " + f.pairId() + " deactivated: " + f.reason();
                    case DISSOLVED -> "pair " + f.pairId() + " dissolved: " + f.reason();
                    case AMBIGUOUS -> "pair " + f.pairId() + " ambiguous";
                });
            }
        }
        return String.join("; ", said) + " → " + result.reason();
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
