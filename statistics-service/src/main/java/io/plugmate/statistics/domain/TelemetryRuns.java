package io.plugmate.statistics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimated sessions from one device's telemetry: the reported charge rate integrated over event time.
 * <ul>
 * <li>A run is a sequence of charging reports with no non-charging report between them and no two of them more than
 * {@code splitGap} apart.</li>
 * <li>Between two charging reports the trapezoid of their rates is integrated, over at most {@code gapBound}; a longer
 * silence is flagged as a {@link Gap} and counts only {@code gapBound}.</li>
 * <li>Before the first and after the last charging report, half the interval to the neighbouring (non-charging)
 * report is counted at the first/last rate (charging began or ended somewhere in between; half is the expectation),
 * again at most half of {@code gapBound}; with no neighbour within {@code splitGap} nothing is counted and the
 * unknown start or end is flagged.</li>
 * <li>A charging report without a rate counts nothing and is flagged; a run with no rate at all is no session.</li>
 * </ul>
 * Deterministic and insensitive to arrival order: a run is a function of the set of reports within {@code splitGap}
 * of it (reports at the same instant: the first one given wins).
 */
public final class TelemetryRuns {

    private TelemetryRuns() {
    }

    public static List<TelemetryRun> of(List<Sample> samples, StatisticsSettings settings) {
        Map<Instant, Sample> byTime = new TreeMap<>();
        for (Sample s : samples) {
            byTime.putIfAbsent(s.at(), s);
        }
        List<Sample> sorted = new ArrayList<>(byTime.values());
        sorted.sort(Comparator.comparing(Sample::at));
        List<TelemetryRun> runs = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            if (!sorted.get(i).charging()) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < sorted.size() && sorted.get(end + 1).charging()
                    && !apart(sorted.get(end), sorted.get(end + 1), settings.splitGap())) {
                end++;
            }
            TelemetryRun run = integrate(sorted, i, end, settings);
            if (run != null) {
                runs.add(run);
            }
            i = end + 1;
        }
        return runs;
    }

    private static TelemetryRun integrate(List<Sample> sorted, int first, int last, StatisticsSettings settings) {
        Duration bound = settings.gapBound();
        List<Gap> gaps = new ArrayList<>();
        EnergyProfile profile = EnergyProfile.EMPTY;
        double energy = 0;
        boolean anyRate = false;
        Sample head = sorted.get(first);
        Sample tail = sorted.get(last);
        Instant startedAt = head.at();
        Instant endedAt = tail.at();

        Sample before = first > 0 ? sorted.get(first - 1) : null;
        if (before == null || apart(before, head, settings.splitGap())) {
            // a neighbour within splitGap is never a charging one: it would belong to the run
            gaps.add(new Gap(null, head.at(), Duration.ZERO, Gap.UNKNOWN_START));
        } else {
            Duration counted = half(Duration.between(before.at(), head.at()), bound);
            if (Duration.between(before.at(), head.at()).compareTo(bound) > 0) {
                gaps.add(new Gap(before.at(), head.at(), counted, Gap.SILENCE));
            }
            startedAt = head.at().minus(counted);
            if (head.rateKw() != null) {
                double kwh = kwh(head.rateKw(), counted);
                energy += kwh;
                profile = profile.plus(startedAt, head.at(), kwh);
            }
        }

        for (int k = first; k < last; k++) {
            Sample a = sorted.get(k);
            Sample b = sorted.get(k + 1);
            Duration dt = Duration.between(a.at(), b.at());
            Duration counted = dt.compareTo(bound) > 0 ? bound : dt;
            Double rate = trapezoid(a.rateKw(), b.rateKw());
            if (dt.compareTo(bound) > 0) {
                gaps.add(new Gap(a.at(), b.at(), rate == null ? Duration.ZERO : counted, Gap.SILENCE));
            }
            if (rate == null) {
                gaps.add(new Gap(a.at(), b.at(), Duration.ZERO, Gap.NO_RATE));
                continue;
            }
            double kwh = kwh(rate, counted);
            energy += kwh;
            profile = profile.plus(a.at(), a.at().plus(counted), kwh);
        }
        for (int k = first; k <= last; k++) {
            anyRate |= sorted.get(k).rateKw() != null;
        }

        Sample after = last + 1 < sorted.size() ? sorted.get(last + 1) : null;
        if (after == null || apart(tail, after, settings.splitGap())) {
            gaps.add(new Gap(tail.at(), null, Duration.ZERO, Gap.UNKNOWN_END));
        } else if (after.charging()) {
            // cannot happen: a charging neighbour within splitGap belongs to the run
            throw new IllegalStateException("run ended before a charging report within the split gap");
        } else {
            Duration counted = half(Duration.between(tail.at(), after.at()), bound);
            if (Duration.between(tail.at(), after.at()).compareTo(bound) > 0) {
                gaps.add(new Gap(tail.at(), after.at(), counted, Gap.SILENCE));
            }
            endedAt = tail.at().plus(counted);
            if (tail.rateKw() != null) {
                double kwh = kwh(tail.rateKw(), counted);
                energy += kwh;
                profile = profile.plus(tail.at(), endedAt, kwh);
            }
        }
        if (!anyRate) {
            return null;
        }
        return new TelemetryRun(head.at(), tail.at(), startedAt, endedAt, energy, gaps, profile);
    }

    private static boolean apart(Sample a, Sample b, Duration splitGap) {
        return Duration.between(a.at(), b.at()).compareTo(splitGap) > 0;
    }

    private static Duration half(Duration interval, Duration bound) {
        return (interval.compareTo(bound) > 0 ? bound : interval).dividedBy(2);
    }

    private static Double trapezoid(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : (a + b) / 2;
    }

    private static double kwh(double kw, Duration d) {
        return kw * d.toMillis() / 3_600_000.0;
    }
}
