package io.plugmate.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tables of {@code scale}: each run's events against the baseline's (lost, extra, reordered, redelivered), and the
 * throughput of each {@code two} run over the {@code one} run before it, step by step, with every process's CPU.
 */
final class ScaleReport {

    private ScaleReport() {
    }

    static String table(LoadOptions options, List<ScaleRun.Outcome> outcomes) {
        ScaleRun.Outcome baseline = outcomes.stream().filter(o -> o.kind().equals("one")).findFirst().orElse(null);
        StringBuilder text = new StringBuilder();
        text.append(("%d households (car + wallbox), plugged in / out every %d report pairs, %d partitions, rates %s, %d s"
                + " per step, intake %s, services %s, %d instances of %s\n\n").formatted(options.households(),
                        options.phase(), options.partitions(), options.rates(), options.step().toSeconds(),
                        options.intake(), options.services(), options.instances(),
                        ScaleRun.scaled(options.intake())));
        text.append("### Events against the first `one` run\n\n");
        text.append("| run | changes during the steps | pair events: baseline | records | redelivered | lost | extra |"
                + " reordered pairs | state events: baseline | records | redelivered | lost | extra | reordered devices |"
                + " devices out of report order | sends failed | webhooks delivered again |"
                + " pair transitions not traced to a report |\n");
        text.append("|---|---|" + "---:|".repeat(16) + "\n");
        for (ScaleRun.Outcome o : outcomes) {
            EventTrail.Compared pairs = baseline == null ? null
                    : EventTrail.compare(baseline.trail().pairEvents(), o.trail().pairEvents());
            EventTrail.Compared states = baseline == null ? null
                    : EventTrail.compare(baseline.trail().stateEvents(), o.trail().stateEvents());
            long untraced = o.trail().pairEvents().stream().filter(e -> !e.what().startsWith("PairEstablished")
                    && e.what().endsWith("no report")).count();
            text.append("| %s | %s | %s | %s | %d | %d | %d | %d |\n".formatted(o.kind(),
                    o.timeline().isEmpty() ? "-" : String.join("; ", o.timeline()), cells(pairs), cells(states),
                    EventTrail.outOfReportOrder(o.trail().stateEvents()), o.failedSends(), o.redelivered(),
                    untraced));
        }
        text.append("\nlost / extra: distinct events (by event id) whose (pair, type, report decided on) — or (device,"
                + " report) — the baseline has more / fewer of; redelivered: records of an event id already on the"
                + " topic (the outbox relay's at-least-once, skipped by every consumer's inbox); reordered: the same"
                + " events in another order; out of report order: devices with a later report's state event on the"
                + " topic before an earlier one's, whatever the baseline.\n\n");
        text.append(throughput(options, outcomes));
        return text.toString();
    }

    private static String cells(EventTrail.Compared c) {
        return c == null ? "- | - | - | - | - | -"
                : "%d | %d | %d | %d | %d | %d".formatted(c.baseline(), c.records(), c.redelivered(), c.lost(),
                        c.extra(), c.reordered());
    }

    /** Each {@code two} run against the {@code one} run before it (runs taken in turn on a shared machine). */
    private static String throughput(LoadOptions options, List<ScaleRun.Outcome> outcomes) {
        StringBuilder text = new StringBuilder("### Throughput: two instances over one, at the same offered rates\n\n");
        boolean topics = options.intake().equals("topics");
        String what = topics ? "pairing-service committed /s" : "webhooks applied /s (on the topics /s)";
        ScaleRun.Outcome one = null;
        for (ScaleRun.Outcome o : outcomes) {
            if (o.kind().equals("one")) {
                one = o;
            } else if (o.kind().equals("two") && one != null) {
                text.append("| rate /s | one: ").append(what).append(" | two: ").append(what)
                        .append(" | ratio | one: CPU % per process (total) | two: CPU % per process (total) |\n");
                text.append("|---:|---:|---:|---:|---|---|\n");
                for (int i = 0; i < Math.min(one.steps().size(), o.steps().size()); i++) {
                    StepResult a = one.steps().get(i);
                    StepResult b = o.steps().get(i);
                    text.append("| %d | %s | %s | %.2f | %s | %s |\n".formatted(a.rate(), done(a, topics), done(b,
                            topics), throughput(b, topics) / throughput(a, topics), cpu(a), cpu(b)));
                }
                text.append("\n");
            }
        }
        return text.toString();
    }

    static double throughput(StepResult s, boolean topics) {
        if (topics) {
            StepResult.Consumer pairing = s.consumers().get("pairing-service");
            return pairing == null ? Double.NaN : pairing.perSecond();
        }
        return Math.min(s.accepted(), s.published());
    }

    private static String done(StepResult s, boolean topics) {
        return topics ? "%.0f".formatted(throughput(s, true)) : "%.0f (%.0f)".formatted(s.accepted(), s.published());
    }

    private static String cpu(StepResult s) {
        Map<String, StepResult.Usage> usage = s.usage();
        double total = usage.values().stream().mapToDouble(StepResult.Usage::cpuPercent).sum();
        return usage.entrySet().stream().map(e -> "%s %.0f".formatted(e.getKey(), e.getValue().cpuPercent()))
                .collect(Collectors.joining(", ")) + " (%.0f)".formatted(total);
    }
}
