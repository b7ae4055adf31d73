package io.plugmate.benchmarks.load;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One rate step's figures. {@code accepted}: reports per second the broker acknowledged (or a webhook answered as
 * applied); {@code published}: records per second that reached the state topics; {@code answers}: webhook answer
 * times from the due time (null for the topics); per consumer group the
 * records per second it committed and its lag at the end; pair transitions per second seen on {@code pair-events};
 * latency in microseconds; CPU (% of one core) and memory per process.
 */
record StepResult(int rate, double seconds, double accepted, double published, Histogram answers,
        Duration generatorBehind, Map<String, Consumer> consumers, double transitions, Histogram latency,
        Map<String, Usage> usage, long sendFailures) {

    record Consumer(double perSecond, long lag) {
    }

    record Usage(double cpuPercent, double memoryMib) {
    }

    /**
     * The platform did not keep up: less than 90 % of the rate accepted, or pairing-service got through less than 90 %
     * of it or ended the step more than five seconds of input behind (committed offsets trail by the commit interval,
     * hence the margin).
     */
    boolean saturated() {
        Consumer pairing = consumers.get("pairing-service");
        return accepted < 0.9 * rate
                || pairing != null && (pairing.perSecond() < 0.9 * rate || pairing.lag() > 5L * rate);
    }

    /** The process that used the most CPU in the step. */
    String busiest() {
        return usage.entrySet().stream().max(Comparator.comparingDouble(e -> e.getValue().cpuPercent()))
                .map(e -> "%s %.0f %%".formatted(e.getKey(), e.getValue().cpuPercent())).orElse("-");
    }

    double millis(double percentile) {
        return millis(latency, percentile);
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram == null || histogram.getTotalCount() == 0 ? Double.NaN
                : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    String line() {
        Consumer pairing = consumers.get("pairing-service");
        return "rate %d/s: accepted %.0f/s, pairing %.0f/s (lag %d), transitions %.1f/s, p50 %.0f ms, p99 %.0f ms, "
                .formatted(rate, accepted, pairing == null ? 0 : pairing.perSecond(), pairing == null ? 0
                        : pairing.lag(), transitions, millis(50), millis(99))
                + "busiest " + busiest() + (saturated() ? " — SATURATED" : "");
    }
}
