package io.plugmate.statistics.domain;

import java.time.Instant;
import java.util.List;

/**
 * A run of charging reports of one device, integrated: an estimated session before attribution.
 *
 * @param firstSampleAt the first charging report (names the run: its id is derived from it)
 * @param lastSampleAt the last charging report
 * @param startedAt,endedAt the span the integrated energy covers (half an interval beyond the first and last report,
 *        where the neighbouring report is close enough to say charging began or ended in between)
 */
public record TelemetryRun(Instant firstSampleAt, Instant lastSampleAt, Instant startedAt, Instant endedAt,
        double energyKwh, List<Gap> gaps, EnergyProfile profile) {

    public TelemetryRun {
        gaps = List.copyOf(gaps);
    }

    /** Whether a report at {@code t} can change this run (its membership, energy or flags). */
    public boolean dependsOn(Instant t, StatisticsSettings settings) {
        return !t.isBefore(firstSampleAt.minus(settings.splitGap())) && !t.isAfter(lastSampleAt.plus(settings.splitGap()));
    }
}
