package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StepResultTest {

    private static StepResult step(double accepted, double pairingPerSecond, long pairingLag) {
        return new StepResult(1000, 30, accepted, accepted, null, Duration.ZERO,
                Map.of("pairing-service", new StepResult.Consumer(pairingPerSecond, pairingLag)), 0,
                new Histogram(3), Map.of("pairing-service", new StepResult.Usage(150, 300),
                        "postgres", new StepResult.Usage(40, 100)),
                0);
    }

    @Test
    void keepingUpIsNinetyPercentOfTheRateAndLessThanFiveSecondsBehind() {
        assertThat(step(1000, 950, 4000).saturated()).isFalse();
        assertThat(step(1000, 850, 0).saturated()).as("pairing too slow").isTrue();
        assertThat(step(1000, 1000, 6000).saturated()).as("too far behind").isTrue();
        assertThat(step(800, 800, 0).saturated()).as("intake refused").isTrue();
    }

    @Test
    void theBusiestProcessIsNamed() {
        assertThat(step(1000, 1000, 0).busiest()).isEqualTo("pairing-service 150 %");
    }
}
