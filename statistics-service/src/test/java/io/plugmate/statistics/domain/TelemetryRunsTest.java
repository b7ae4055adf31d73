package io.plugmate.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TelemetryRunsTest {

    static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");
    static final StatisticsSettings SETTINGS = StatisticsSettings.defaults();

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** Charging at {@code kw} every {@code every} minutes over [from, to], idle reports just outside. */
    static List<Sample> charging(int from, int to, int every, double kw) {
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(at(from - 2), false, 0.0));
        for (int m = from; m <= to; m += every) {
            samples.add(new Sample(at(m), true, kw));
        }
        samples.add(new Sample(at(to + 2), false, 0.0));
        return samples;
    }

    @Test
    void aSteadyRateIntegratesToRateTimesTimeWithHalfTheBoundaryIntervals() {
        List<TelemetryRun> runs = TelemetryRuns.of(charging(0, 120, 2, 7.0), SETTINGS);

        assertThat(runs).singleElement().satisfies(run -> {
            // 2 h between the first and last charging report, plus half of each 2-minute boundary interval
            assertThat(run.energyKwh()).isCloseTo(7.0 * (2 + 2 / 60.0), within(1e-9));
            assertThat(run.startedAt()).isEqualTo(at(-1));
            assertThat(run.endedAt()).isEqualTo(at(121));
            assertThat(run.gaps()).isEmpty();
            assertThat(run.profile().total()).isCloseTo(run.energyKwh(), within(1e-9));
        });
    }

    @Test
    void aSilenceLongerThanTheGapBoundCountsOnlyTheBoundAndIsFlagged() {
        List<Sample> samples = new ArrayList<>(charging(0, 20, 2, 6.0));
        samples.removeIf(s -> s.at().isAfter(at(2)) && s.at().isBefore(at(20)));

        TelemetryRun run = TelemetryRuns.of(samples, SETTINGS).getFirst();

        assertThat(run.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.from()).isEqualTo(at(2));
            assertThat(gap.to()).isEqualTo(at(20));
            assertThat(gap.counted()).isEqualTo(Duration.ofMinutes(10));
        });
        // 2 min + 10 of the 18 silent minutes + the two boundary half-intervals
        assertThat(run.energyKwh()).isCloseTo(6.0 * (2 + 10 + 2) / 60.0, within(1e-9));
    }

    @Test
    void chargingReportsFurtherApartThanTheSplitGapAreTwoSessionsWithUnknownEnds() {
        List<Sample> samples = new ArrayList<>(charging(0, 10, 2, 7.0));
        samples.removeIf(s -> s.at().equals(at(12)));
        samples.addAll(charging(200, 210, 2, 7.0).subList(1, 7));

        List<TelemetryRun> runs = TelemetryRuns.of(samples, SETTINGS);

        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).gaps()).extracting(Gap::why).containsExactly(Gap.UNKNOWN_END);
        assertThat(runs.get(1).gaps()).extracting(Gap::why).contains(Gap.UNKNOWN_START);
    }

    @Test
    void reportsWithoutARateCountNothingAndARunWithoutAnyRateIsNoSession() {
        List<Sample> none = charging(0, 30, 2, 7.0).stream()
                .map(s -> new Sample(s.at(), s.charging(), s.charging() ? null : 0.0)).toList();

        assertThat(TelemetryRuns.of(none, SETTINGS)).isEmpty();
    }

    @Test
    void theOrderReportsArriveInAndDuplicatesChangeNothing() {
        List<Sample> samples = new ArrayList<>(charging(0, 90, 2, 11.0));
        samples.addAll(charging(300, 400, 3, 3.7));
        List<TelemetryRun> expected = TelemetryRuns.of(samples, SETTINGS);
        List<Sample> shuffled = new ArrayList<>(samples);
        shuffled.addAll(samples.subList(3, 20));
        Collections.shuffle(shuffled, new Random(7));

        assertThat(TelemetryRuns.of(shuffled, SETTINGS)).isEqualTo(expected);
    }

    @Test
    void aReportOnlyChangesRunsWithinTheSplitGap() {
        TelemetryRun run = TelemetryRuns.of(charging(0, 60, 2, 7.0), SETTINGS).getFirst();

        assertThat(run.dependsOn(at(-119), SETTINGS)).isTrue();
        assertThat(run.dependsOn(at(-121), SETTINGS)).isFalse();
        assertThat(run.dependsOn(at(180), SETTINGS)).isTrue();
        assertThat(run.dependsOn(at(181), SETTINGS)).isFalse();
    }
}
