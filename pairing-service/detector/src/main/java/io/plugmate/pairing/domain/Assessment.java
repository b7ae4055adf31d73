package io.plugmate.pairing.domain;

import java.util.ArrayList;
import java.util.List;

import io.plugmate.events.Evidence;

/**
 * The evidence for one vehicle × charger combination at one moment: positive scores speak for it, negative ones
 * against it. A combination that some signal rules out can never be activated by detection, whatever its total.
 */
record Assessment(double score, List<Evidence> evidence, boolean ruledOut, boolean ratesComparable) {

    static final class Builder {
        private final List<Evidence> evidence = new ArrayList<>();
        private double score;
        private boolean ruledOut;
        private boolean ratesComparable;

        Builder add(Signal signal, String detail, double points) {
            evidence.add(new Evidence(signal.wireName(), detail, round(points)));
            score += points;
            return this;
        }

        Builder ruleOut(Signal signal, String detail, double points) {
            ruledOut = true;
            return add(signal, detail, points);
        }

        /** Both devices report charge rates, so only a rate comparison counts as their measurements agreeing. */
        Builder ratesComparable(boolean comparable) {
            ratesComparable = comparable;
            return this;
        }

        boolean lacks(Signal signal) {
            return evidence.stream().noneMatch(e -> e.signal().equals(signal.wireName()));
        }

        Assessment build() {
            return new Assessment(round(score), List.copyOf(evidence), ruledOut, ratesComparable);
        }
    }

    /**
     * What one pair can lead a rival by: the evidence that does not grow report by report (which of two rivals has
     * more charging-state or charge-rate comparisons available at a given moment is noise), and of that, not the
     * timing either. A rival that timing has not ruled out could have been plugged in at the same instant, and how soon
     * each device happened to report it is no lead: a car that reports every few minutes is no less likely the one
     * on the charger than one that pushes every change. What is left: the place, a person's word, the history.
     */
    double leadScore() {
        double lead = 0;
        for (Evidence e : evidence) {
            Signal signal = Signal.ofWireName(e.signal());
            if (signal.settled() && signal != Signal.PLUG_IN_TIMING && signal != Signal.CHARGING_START_TIMING) {
                lead += e.score();
            }
        }
        return lead;
    }

    /**
     * Timing alone can be a coincidence (a visitor on the wallbox in the same minute as the car plugs in elsewhere):
     * an activation also needs corroborating evidence — the place, or a person's word, or the two devices' own
     * measurements agreeing. Where both devices report a charge rate, agreeing on "charging" is not a measurement:
     * a rate comparison must have agreed (a car at an 11 kW public post and a visitor drawing 7 kW from the wallbox
     * both say "charging").
     */
    boolean corroborated() {
        for (Evidence e : evidence) {
            Signal signal = Signal.ofWireName(e.signal());
            if (e.score() > 0 && signal.corroborating()
                    && (signal != Signal.CHARGING_STATE || !ratesComparable)) {
                return true;
            }
        }
        return false;
    }

    boolean plausible(DetectorSettings.Decision settings) {
        return !ruledOut && score >= settings.plausibleScore();
    }

    boolean convincing(DetectorSettings.Decision settings) {
        return !ruledOut && score >= settings.activateScore();
    }

    /** A score mapped into 0..1 for clients: with the defaults, 0.6 (the activation bar) is about 0.55, 3 about 0.86. */
    double confidence(DetectorSettings.Decision settings) {
        if (score <= 0) {
            return 0;
        }
        return round(Math.min(settings.confidenceCap(), score / (score + settings.confidenceScale())));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
