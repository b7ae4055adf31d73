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
        Map<String, Usage> usage, long sendFailures, Rest rest) {

    /** The threshold of {@link #saturated()} for API requests: a p99 this long from the due time means a queue. */
    static final double REST_SATURATED_P99_MILLIS = 1000;

    /**
     * {@code rest} only: latency per operation (µs, from the due time), the mean time inside each service and the
     * gateway from their /q/metrics (ms), the non-2xx answers so far, and the records written to each topic in the
     * step per request answered 2xx in it (what one request fans out to, in the steady state; topics with none left
     * out).
     */
    record Rest(Map<RestMix.Operation, Histogram> operations, Map<String, Double> serviceMillis, String errors,
            Map<String, Double> recordsPerRequest) {
    }

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
        if (rest != null) {
            // API requests: fewer than 95 % answered 2xx, or a queue built up (latency counted from the due time)
            return accepted < 0.95 * rate || millis(answers, 99) > REST_SATURATED_P99_MILLIS;
        }
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

    /**
     * Requests per second per core the platform used: the rate answered over the CPU of every process but the
     * generator (the services, the gateway, Kafka, PostgreSQL).
     */
    double perCore() {
        double cores = usage.entrySet().stream().filter(e -> !e.getKey().equals(LoadRun.GENERATOR))
                .mapToDouble(e -> e.getValue().cpuPercent()).sum() / 100;
        return cores <= 0 ? Double.NaN : accepted / cores;
    }

    String line() {
        if (rest != null) {
            return "rate %d/s: answered 2xx %.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, %.0f req/s per core, "
                    .formatted(rate, accepted, millis(answers, 50), millis(answers, 99), millis(answers, 99.9),
                            perCore())
                    + "busiest " + busiest() + (saturated() ? " — SATURATED" : "");
        }
        Consumer pairing = consumers.get("pairing-service");
        return "rate %d/s: accepted %.0f/s, pairing %.0f/s (lag %d), transitions %.1f/s, p50 %.0f ms, p99 %.0f ms, "
                .formatted(rate, accepted, pairing == null ? 0 : pairing.perSecond(), pairing == null ? 0
                        : pairing.lag(), transitions, millis(50), millis(99))
                + "busiest " + busiest() + (saturated() ? " — SATURATED" : "");
    }
}
