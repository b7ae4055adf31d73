package io.plugmate.benchmarks.score;

import java.util.Collection;

/** Nearest-rank percentiles: always a value that occurred, never an interpolation. */
public final class Percentiles {

    private Percentiles() {
    }

    /** @return the {@code p}-th percentile (0 < p <= 100), or NaN for no values */
    public static double of(Collection<? extends Number> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
