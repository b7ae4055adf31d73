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

    static ChargerAround of(Timeline charger, Instant at, DetectorSettings.Reports reports,
            DetectorSettings.ChargeRate rates) {
        Duration window = reports.stateWindow();
        Instant from = at.minus(reports.clockTolerance());
        Instant to = at.plus(reports.clockTolerance());
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
        return new ChargerAround(first.isCharging(), steadyRate(first.rateKw(), last.rateKw(), rates));
    }

    /** Vehicle rate ÷ wall rate when both charge at a steady, known rate; null when it would mean nothing. */
    Double rateRatio(Observation vehicle, DetectorSettings.ChargeRate rates) {
        if (!charging || rateKw == null || !vehicle.isCharging() || vehicle.rateKw() == null) {
            return null;
        }
        if (rateKw < rates.minWallKw() || vehicle.rateKw() < 0) {
            return null;
        }
        return vehicle.rateKw() / rateKw;
    }

    private static Double steadyRate(Double before, Double after, DetectorSettings.ChargeRate rates) {
        if (before == null || after == null) {
            return null;
        }
        double mean = (before + after) / 2;
        return Math.abs(before - after) <= rates.steadyTolerance() * Math.max(mean, rates.minWallKw()) ? mean : null;
    }
}
