package io.plugmate.commons.metrics;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * HTTP server latency as Prometheus histogram buckets (not only count, sum and max), so that an operator's p99 and the
 * load benchmark's read of it can be computed across pods and time windows. A fixed, short list of bounds keeps the
 * series per URI template small.
 */
public class HttpLatencyBuckets {

    private static final Duration[] BOUNDS = { Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5) };

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos()).build().merge(config);
            }
        };
    }

    private static double[] nanos() {
        double[] nanos = new double[BOUNDS.length];
        for (int i = 0; i < BOUNDS.length; i++) {
            nanos[i] = BOUNDS[i].toNanos();
        }
        return nanos;
    }
}
