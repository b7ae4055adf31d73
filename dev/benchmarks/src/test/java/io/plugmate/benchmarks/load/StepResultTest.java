package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StepResultTest {

    private static StepResult step(double accepted, double pairingPerSecond, long pairingLag) {
        return new StepResult(1000, 30, accepted, accepted, null, Duration.ZERO,
                Map.of("pairing-service", new StepResult.Consumer(pairingPerSecond, pairingLag)), 0,
                new Histogram(3), Map.of("pairing-service", new StepResult.Usage(150, 300),
                        "postgres", new StepResult.Usage(40, 100)),
                0, null);
    }

    private static StepResult rest(double answered, long p99Micros) {
        return rest(answered, p99Micros, Map.of());
    }

    private static StepResult rest(double answered, long p99Micros, Map<String, Double> recordsPerRequest) {
        Histogram answers = new Histogram(3);
        answers.recordValueWithCount(2_000, 98);
        answers.recordValueWithCount(p99Micros, 2);
        return new StepResult(1000, 30, answered, Double.NaN, answers, Duration.ZERO, Map.of(), 0, new Histogram(3),
                Map.of("vehicle-service", new StepResult.Usage(60, 300), "postgres", new StepResult.Usage(40, 100),
                        LoadRun.GENERATOR, new StepResult.Usage(80, 200)),
                0, new StepResult.Rest(Map.of(), Map.of(), "", recordsPerRequest));
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

    @Test
    void anApiStepIsSaturatedWhenUnansweredOrQueueing() {
        assertThat(rest(1000, 5_000).saturated()).isFalse();
        assertThat(rest(940, 5_000).saturated()).as("fewer than 95 %% answered 2xx").isTrue();
        assertThat(rest(1000, 2_000_000).saturated()).as("p99 of 2 s from the due time: a queue").isTrue();
    }

    @Test
    void requestsPerCoreCountThePlatformNotTheGenerator() {
        assertThat(rest(1000, 5_000).perCore()).isEqualTo(1000.0);
    }

    @Test
    void aRequestsFanOutIsEachTopicsNewRecordsOverTheRequestsAnswered() {
        Map<String, Double> perRequest = LoadRun.perRequest(
                Map.of("action-events", 100L, "vehicle-commands", 40L, "pair-events", 7L),
                Map.of("action-events", 300L, "vehicle-commands", 140L, "pair-events", 7L, "command-results", 50L),
                100);

        assertThat(perRequest).as("a topic that got nothing is left out; one created in the step counts from 0")
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("action-events", 2.0,
                        "command-results", 0.5, "vehicle-commands", 1.0)));
        assertThat(LoadRun.perRequest(Map.of(), Map.of("action-events", 10L), 0)).as("no request answered").isEmpty();
    }

    @Test
    void theFanOutTableHasEveryTopicAnyStepWroteToAndTheirSum() {
        String table = Report.fanOut(List.of(rest(1000, 5_000, Map.of("action-events", 2.0)),
                rest(1000, 5_000, Map.of("action-events", 1.5, "vehicle-commands", 1.0))));

        assertThat(table).contains("| rate /s | action-events | vehicle-commands | all |")
                .contains("| 1000 | 2.00 | 0.00 | 2.00 |").contains("| 1000 | 1.50 | 1.00 | 2.50 |");
        assertThat(Report.fanOut(List.of(rest(1000, 5_000)))).contains("no records written to any topic");
    }
}
