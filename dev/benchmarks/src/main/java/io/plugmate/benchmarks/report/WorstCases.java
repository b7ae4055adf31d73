package io.plugmate.benchmarks.report;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.plugmate.benchmarks.score.Cases;
import io.plugmate.benchmarks.score.FalseCause;
import io.plugmate.benchmarks.score.MissCause;

/**
 * The few worst cases of one scenario class, for whoever tunes the detector: the most confident false activations,
 * the longest missed sessions (a few per cause) and the slowest activations, each with household, devices and times,
 * and how to replay that household.
 */
public final class WorstCases {

    static final int FALSE_SHOWN = 10;
    static final int MISSES_PER_CAUSE = 3;
    static final int SLOW_SHOWN = 5;

    private WorstCases() {
    }

    /** @param file the class's records, for the replay hint */
    public static String render(String source, String scenario, java.nio.file.Path file, Cases cases) {
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(source).append(": ").append(scenario).append('\n');
        sb.append("   replay one household: grep '\"key\":\"<household>\"' ").append(file)
                .append(" > one.jsonl && pairing-service/bin/replay --explain one.jsonl\n");
        sb.append("   (household ids are per scenario; times are simulated UTC; 'processed' = delivery time of the"
                + " record that caused it)\n\n");
        falses(sb, cases.falseActivations());
        misses(sb, cases.misses());
        slowest(sb, cases.found());
        return sb.toString();
    }

    private static void falses(StringBuilder sb, List<Cases.FalseActivation> all) {
        Map<FalseCause, Long> byCause = new TreeMap<>();
        all.forEach(f -> byCause.merge(f.cause(), 1L, Long::sum));
        sb.append("false activations: ").append(all.size()).append(' ').append(labels(byCause)).append('\n');
        if (!all.isEmpty()) {
            sb.append("  by vehicle/charger vendor: ").append(byVendors(all.stream().map(Cases.FalseActivation::vendors)
                    .toList())).append('\n');
            sb.append("  evidence they were activated on: ").append(byVendors(all.stream()
                    .flatMap(f -> f.signals().stream()).toList())).append('\n');
        }
        all.stream().sorted(Comparator.comparingDouble(Cases.FalseActivation::confidence).reversed()
                .thenComparing(Cases.FalseActivation::processedAt)).limit(FALSE_SHOWN).forEach(f -> sb
                        .append("  %s %s -> %s (%s) processed %s (record %d, event time %s) confidence %.2f cause %s, held %s\n"
                                .formatted(f.householdId(), f.vehicleId(), f.chargerId(), f.vendors(), f.processedAt(),
                                        f.recordIndex(), f.eventTime(), f.confidence(), f.cause().label(),
                                        human(f.lasted())))
                        .append("    truth: ").append(f.truth()).append('\n')
                        .append("    reason: ").append(f.reason()).append('\n')
                        .append("    evidence: ").append(f.evidence()).append('\n'));
        sb.append('\n');
    }

    private static void misses(StringBuilder sb, List<Cases.Miss> all) {
        Map<MissCause, Long> byCause = new TreeMap<>();
        all.forEach(m -> byCause.merge(m.cause(), 1L, Long::sum));
        sb.append("missed sessions: ").append(all.size()).append(' ').append(labels(byCause)).append('\n');
        if (!all.isEmpty()) {
            sb.append("  by vehicle/charger vendor: ").append(byVendors(all.stream().map(Cases.Miss::vendors).toList()))
                    .append('\n');
        }
        for (MissCause cause : MissCause.values()) {
            all.stream().filter(m -> m.cause() == cause)
                    .sorted(Comparator.comparing(Cases.Miss::length).reversed().thenComparing(Cases.Miss::pluggedInAt))
                    .limit(MISSES_PER_CAUSE)
                    .forEach(m -> sb.append("  %s %s -> %s (%s) plugged %s to %s (%s) cause %s\n".formatted(
                            m.householdId(), m.vehicleId(), m.chargerId(), m.vendors(), m.pluggedInAt(),
                            m.unpluggedAt() == null ? "end of world" : m.unpluggedAt(), human(m.length()),
                            m.cause().label())).append("    ").append(m.detail()).append('\n'));
        }
        sb.append('\n');
    }

    private static void slowest(StringBuilder sb, List<Cases.Found> all) {
        sb.append("slowest activations:\n");
        all.stream().sorted(Comparator.comparingLong(Cases.Found::latencyMillis).reversed()).limit(SLOW_SHOWN)
                .forEach(f -> sb.append("  %s %s -> %s plugged %s, later plug-in report %s, activated %s: %s, %d reports\n"
                        .formatted(f.householdId(), f.vehicleId(), f.chargerId(), f.pluggedInAt(),
                                f.laterPlugInReportAt(), f.activatedAt(), human(Duration.ofMillis(f.latencyMillis())),
                                f.reports())));
        sb.append('\n');
    }

    /** "NORDAUTO/TESLA 60, VOLTRA/WATTBOX 12" (or "location +0.50 20, ..."), most frequent first. */
    private static String byVendors(List<String> vendors) {
        Map<String, Long> counts = new TreeMap<>();
        vendors.forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    private static <K extends Enum<K>> String labels(Map<K, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(");
        counts.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(label(k)).append(' ').append(v));
        return sb.append(')').toString();
    }

    private static String label(Enum<?> cause) {
        return cause instanceof FalseCause f ? f.label() : ((MissCause) cause).label();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? "%dh%02dm".formatted(s / 3600, s % 3600 / 60)
                : s >= 60 ? "%dm%02ds".formatted(s / 60, s % 60) : s + "s";
    }
}
