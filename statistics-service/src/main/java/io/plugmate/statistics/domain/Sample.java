package io.plugmate.statistics.domain;

import java.time.Instant;

/**
 * One telemetry report reduced to what estimation needs, at its event time.
 *
 * @param rateKw the reported rate while charging; null when the device reports none (VOLTRA cars, ZAPLINE chargers)
 */
public record Sample(Instant at, boolean charging, Double rateKw) {

    /** The rate that flowed: zero when not charging, null when charging at an unknown rate. */
    Double flowingKw() {
        return charging ? rateKw : Double.valueOf(0);
    }

    /**
     * A report's word on charging, or null when it says nothing usable (both unknown). A report that says unplugged is
     * not charging whatever else it says; without an isCharging flag, a positive rate means charging.
     */
    public static Sample of(Instant at, Boolean isPluggedIn, Boolean isCharging, Double rateKw) {
        if (at == null) {
            return null;
        }
        Double rate = rateKw == null || rateKw.isNaN() || rateKw < 0 ? null : rateKw;
        if (Boolean.FALSE.equals(isPluggedIn)) {
            return new Sample(at, false, 0.0);
        }
        if (isCharging != null) {
            return new Sample(at, isCharging, isCharging ? rate : Double.valueOf(0));
        }
        return rate == null ? null : new Sample(at, rate > 0, rate);
    }
}
