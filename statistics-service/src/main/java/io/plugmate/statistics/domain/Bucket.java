package io.plugmate.statistics.domain;

import java.time.Instant;

/**
 * One bucket: the energy that flowed in [start, end), the power while it flowed (15-minute averages: lowest, highest,
 * and mean over the time energy flowed), and how many sessions it came from.
 */
public record Bucket(Instant start, Instant end, double kwhSum, double kwMin, double kwMax, double kwMean,
        int sessionCount) {
}
