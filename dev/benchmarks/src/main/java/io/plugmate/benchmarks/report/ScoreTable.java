package io.plugmate.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.plugmate.benchmarks.score.FalseCause;
import io.plugmate.benchmarks.score.MissCause;
import io.plugmate.benchmarks.score.ScenarioScore;

/**
 * The benchmark's tables in Markdown (readable as plain text too): accuracy, the causes behind false activations and
 * misses, and throughput; one row per scenario class and one for all of them. Figures are marked ✓ or ✗ against the
 * targets.
 */
public final class ScoreTable {

    private ScoreTable() {
    }

    public static String render(List<ScenarioScore> classes, ScenarioScore overall) {
        List<ScenarioScore> rows = new ArrayList<>(classes);
        rows.add(overall);
        StringBuilder out = new StringBuilder();
        out.append(Targets.line()).append("\n\n");
        out.append(accuracy(rows)).append('\n');
        out.append(causes(rows)).append('\n');
        out.append(throughput(rows));
        return out.toString();
    }

    static String accuracy(List<ScenarioScore> rows) {
        Markdown t = new Markdown("class", "sessions", "activations", "precision", "recall", "recall >=15 min",
                "latency median / p95 (s)", "latency median / p95 (reports)", "plug-in to active median / p95 (s)",
                "ambiguous", "false", "false lasted median / max (s)", "missed");
        for (ScenarioScore s : rows) {
            t.row(s.scenario(), s.sessions(), s.activations(),
                    marked(percent(s.precision()), s.precision() >= Targets.PRECISION, s.precision()),
                    marked(percent(s.recall()), s.recall() >= Targets.RECALL, s.recall()), percent(s.recallLong()),
                    "%s / %s".formatted(number(s.latencySeconds(50)), number(s.latencySeconds(95))),
                    "%s / %s".formatted(marked(number(s.latencyReports(50)),
                            s.latencyReports(50) <= Targets.MEDIAN_REPORTS, s.latencyReports(50)),
                            number(s.latencyReports(95))),
                    "%s / %s".formatted(number(s.sincePlugInSeconds(50)), number(s.sincePlugInSeconds(95))),
                    percent(s.ambiguousShare()), s.falseActivations(),
                    "%s / %s".formatted(number(s.falseLastedSeconds(50)), number(s.falseLastedSeconds(100))),
                    s.missed());
        }
        return t.render();
    }

    /** One row per scenario source (each source's overall figures), for reading them side by side. */
    public static String sideBySide(List<ScenarioScore> sources) {
        Markdown t = new Markdown("source", "sessions", "activations", "precision", "recall",
                "latency median / p95 (reports)", "latency median / p95 (s)", "ambiguous", "false",
                "false lasted median / max (s)", "missed");
        for (ScenarioScore s : sources) {
            t.row(s.scenario(), s.sessions(), s.activations(),
                    marked(percent(s.precision()), s.precision() >= Targets.PRECISION, s.precision()),
                    marked(percent(s.recall()), s.recall() >= Targets.RECALL, s.recall()),
                    "%s / %s".formatted(marked(number(s.latencyReports(50)),
                            s.latencyReports(50) <= Targets.MEDIAN_REPORTS, s.latencyReports(50)),
                            number(s.latencyReports(95))),
                    "%s / %s".formatted(number(s.latencySeconds(50)), number(s.latencySeconds(95))),
                    percent(s.ambiguousShare()), s.falseActivations(),
                    "%s / %s".formatted(number(s.falseLastedSeconds(50)), number(s.falseLastedSeconds(100))),
                    s.missed());
        }
        return t.render();
    }

    static String causes(List<ScenarioScore> rows) {
        List<String> headers = new ArrayList<>();
        headers.add("class");
        headers.add("guest visits");
        headers.add("public sessions");
        for (FalseCause c : FalseCause.values()) {
            headers.add("false: " + c.label());
        }
        for (MissCause c : MissCause.values()) {
            headers.add("missed: " + c.label());
        }
        Markdown t = new Markdown(headers.toArray(String[]::new));
        for (ScenarioScore s : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(s.scenario());
            cells.add(s.guestVisits());
            cells.add(s.publicSessions());
            for (FalseCause c : FalseCause.values()) {
                cells.add(s.falseByCause().get(c));
            }
            for (MissCause c : MissCause.values()) {
                cells.add(s.missesByCause().get(c));
            }
            t.row(cells.toArray());
        }
        return t.render();
    }

    static String throughput(List<ScenarioScore> rows) {
        Markdown t = new Markdown("class", "records", "parsing (s)", "parsed/s", "detector (s)", "detector events/s");
        for (ScenarioScore s : rows) {
            t.row(s.scenario(), s.records(), "%.2f".formatted(s.parseNanos() / 1e9),
                    "%,.0f".formatted(s.parsedPerSecond()), "%.2f".formatted(s.detectNanos() / 1e9),
                    "%,.0f".formatted(s.eventsPerSecond()));
        }
        return t.render();
    }

    private static String marked(String figure, boolean met, double value) {
        return Double.isNaN(value) ? figure : figure + (met ? " ✓" : " ✗");
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A Markdown table with cells padded to their column's width. */
    private static final class Markdown {

        private final String[] headers;
        private final List<String[]> rows = new ArrayList<>();

        Markdown(String... headers) {
            this.headers = headers;
        }

        void row(Object... cells) {
            String[] row = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = String.valueOf(cells[i]);
            }
            rows.add(row);
        }

        String render() {
            int[] width = new int[headers.length];
            for (int i = 0; i < headers.length; i++) {
                width[i] = headers[i].length();
                for (String[] r : rows) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            StringBuilder sb = new StringBuilder();
            line(sb, headers, width);
            String[] rule = new String[headers.length];
            for (int i = 0; i < rule.length; i++) {
                // numbers are right-aligned
                rule[i] = i == 0 ? "-".repeat(width[i]) : "-".repeat(width[i] - 1) + ":";
            }
            line(sb, rule, width);
            rows.forEach(r -> line(sb, r, width));
            return sb.toString();
        }

        private static void line(StringBuilder sb, String[] cells, int[] width) {
            sb.append('|');
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                String pad = " ".repeat(width[i] - cell.length());
                sb.append(' ').append(i == 0 ? cell + pad : pad + cell).append(" |");
            }
            sb.append('\n');
        }
    }
}
