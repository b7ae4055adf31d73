package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The charger's state around an instant, when it held that state throughout the instant ± the clock tolerance (its
 * last report before that span, every report within it and its first report after it agree): a vehicle clock a minute
 * off, or a report between two readings, then cannot produce a false disagreement.
 */
record ChargerAround(boolean charging, Double rateKw) {

    static ChargerAround of(Timeline charger, Instant at, Duration tolerance, Duration window) {
        Instant from = at.minus(tolerance);
        Instant to = at.plus(tolerance);
        List<Observation> before = charger.between(from.minus(window), from);
        List<Observation> after = charger.between(to, to.plus(window));
        if (before.isEmpty() || after.isEmpty()) {
            return null;
        }
        Observation first = before.getLast();
        Observation last = after.getFirst();
        if (first.charging() == null) {
            return null;
        }
        for (Observation o : charger.between(first.observedAt(), last.observedAt())) {
            if (!first.charging().equals(o.charging())) {
                return null;
            }
        }
        return new ChargerAround(first.isCharging(), steadyRate(first.rateKw(), last.rateKw()));
    }

    /** Vehicle rate ÷ wall rate when both charge at a steady, known rate; null when it would mean nothing. */
    Double rateRatio(Observation vehicle) {
        if (!charging || rateKw == null || !vehicle.isCharging() || vehicle.rateKw() == null) {
            return null;
        }
        if (rateKw < 0.5 || vehicle.rateKw() < 0) {
            return null;
        }
        return vehicle.rateKw() / rateKw;
    }

    private static Double steadyRate(Double before, Double after) {
        if (before == null || after == null) {
            return null;
        }
        double mean = (before + after) / 2;
        return Math.abs(before - after) <= 0.1 * Math.max(mean, 0.5) ? mean : null;
    }
}
