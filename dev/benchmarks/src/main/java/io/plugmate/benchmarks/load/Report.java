package io.plugmate.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/** The benchmarks' tables (Markdown, to stdout and a file) and progress lines (stderr). */
final class Report {

    private Report() {
    }

    static void progress(String line) {
        System.err.println("[load-benchmark] " + line);
    }

    /** When, where, and how busy the machine was: figures from a shared machine are only comparable with this. */
    static String header(String title, String command) {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            load = "?";
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        return "## " + title + "\n\n" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", `" + command + "`, "
                + Runtime.getRuntime().availableProcessors() + " CPUs, host " + host + ", load average " + load
                + "\n\n";
    }

    static String steps(List<StepResult> steps) {
        StringBuilder table = new StringBuilder();
        table.append("| rate /s | accepted /s | answer p50 / p99 ms | on topics /s | pairing /s | lag: pairing |"
                + " orchestration | statistics | vehicle | transitions /s | p50 ms | p99 ms | p99.9 ms | max ms |"
                + " generator behind ms |\n");
        table.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StepResult s : steps) {
            Map<String, StepResult.Consumer> c = s.consumers();
            String answers = s.answers() == null ? "-"
                    : ms(StepResult.millis(s.answers(), 50)) + " / " + ms(StepResult.millis(s.answers(), 99));
            table.append("| %d | %.0f | %s | %.0f | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %d |\n".formatted(
                    s.rate(), s.accepted(), answers, s.published(), rate(c.get("pairing-service")),
                    lag(c.get("pairing-service")),
                    lag(c.get("orchestration-service")), lag(c.get("statistics-service")),
                    lag(c.get("vehicle-service")), s.transitions(), ms(s.millis(50)), ms(s.millis(99)),
                    ms(s.millis(99.9)), ms(s.latency().getTotalCount() == 0 ? Double.NaN
                            : s.latency().getMaxValue() / 1000.0),
                    s.generatorBehind().toMillis()));
        }
        return table.append(usage(steps, "events/s")).toString();
    }

    /**
     * {@code rest}: per rate, what was answered, the latency from the due time (all requests, then each operation's
     * p99), the mean time inside each service and the gateway from their /q/metrics, and the requests per core.
     */
    static String rest(List<StepResult> steps) {
        List<RestMix.Operation> ops = steps.getFirst().rest().operations().keySet().stream().toList();
        List<String> inside = steps.getFirst().rest().serviceMillis().keySet().stream().toList();
        StringBuilder table = new StringBuilder();
        table.append("| rate /s | 2xx /s | p50 ms | p99 ms | p99.9 ms | max ms | ");
        ops.forEach(op -> table.append(op.label()).append(" p50 / p99 ms | "));
        inside.forEach(name -> table.append("in ").append(name).append(" ms | "));
        table.append("req/s per core | generator behind ms |\n|");
        table.append("---:|".repeat(6 + ops.size() + inside.size() + 2)).append("\n");
        for (StepResult s : steps) {
            Histogram all = s.answers();
            table.append("| %d | %.0f | %s | %s | %s | %s | ".formatted(s.rate(), s.accepted(), ms1(StepResult.millis(
                    all, 50)), ms1(StepResult.millis(all, 99)), ms1(StepResult.millis(all, 99.9)), ms1(
                            all.getTotalCount() == 0 ? Double.NaN : all.getMaxValue() / 1000.0)));
            for (RestMix.Operation op : ops) {
                Histogram h = s.rest().operations().get(op);
                table.append(ms1(StepResult.millis(h, 50))).append(" / ").append(ms1(StepResult.millis(h, 99)))
                        .append(" | ");
            }
            inside.forEach(name -> table.append(ms1(s.rest().serviceMillis().get(name))).append(" | "));
            table.append("%.0f | %d |\n".formatted(s.perCore(), s.generatorBehind().toMillis()));
        }
        String errors = steps.getLast().rest().errors();
        if (!errors.isEmpty()) {
            table.append("\nnot 2xx (whole run): ").append(errors).append("\n");
        }
        return table.append(fanOut(steps)).append(usage(steps, "requests/s")).toString();
    }

    /**
     * Records written to each topic during the step per request answered 2xx in it: what a request fans out to (the
     * records an earlier request causes late, such as a retry, count in the step they are written in).
     */
    static String fanOut(List<StepResult> steps) {
        List<String> topics = steps.stream().flatMap(s -> s.rest().recordsPerRequest().keySet().stream()).distinct()
                .sorted().toList();
        if (topics.isEmpty()) {
            return "\nno records written to any topic\n";
        }
        StringBuilder table = new StringBuilder("\nRecords written to each topic per request answered 2xx:\n\n| rate /s | ")
                .append(String.join(" | ", topics)).append(" | all |\n|---:|")
                .append("---:|".repeat(topics.size() + 1)).append("\n");
        for (StepResult s : steps) {
            Map<String, Double> records = s.rest().recordsPerRequest();
            table.append("| ").append(s.rate()).append(" | ");
            topics.forEach(t -> table.append("%.2f | ".formatted(records.getOrDefault(t, 0.0))));
            table.append("%.2f |\n".formatted(records.values().stream().mapToDouble(Double::doubleValue).sum()));
        }
        return table.toString();
    }

    /** CPU and memory per process per step, and where it saturated. */
    private static String usage(List<StepResult> steps, String unit) {
        StringBuilder table = new StringBuilder();
        table.append("\nCPU (% of one core) / memory (MiB) per process:\n\n");
        List<String> processes = steps.getFirst().usage().keySet().stream().toList();
        table.append("| rate /s | ").append(String.join(" | ", processes)).append(" | busiest |\n");
        table.append("|---:|").append(processes.stream().map(p -> "---:|").collect(Collectors.joining()))
                .append("---|\n");
        for (StepResult s : steps) {
            table.append("| ").append(s.rate()).append(" | ");
            for (String p : processes) {
                StepResult.Usage u = s.usage().get(p);
                table.append("%.0f %% / %.0f".formatted(u.cpuPercent(), u.memoryMib())).append(" | ");
            }
            table.append(s.busiest()).append(s.saturated() ? " — saturated" : "").append(" |\n");
        }
        StepResult last = steps.getLast();
        table.append("\n").append(last.saturated()
                ? "saturated at %d %s (busiest: %s)".formatted(last.rate(), unit, last.busiest())
                : "no saturation up to %d %s".formatted(last.rate(), unit));
        if (last.sendFailures() > 0) {
            table.append("; ").append(last.sendFailures()).append(" sends failed");
        }
        return table.append("\n").toString();
    }

    static void write(Path out, String file, String text) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rate(StepResult.Consumer c) {
        return c == null ? "-" : "%.0f".formatted(c.perSecond());
    }

    private static String lag(StepResult.Consumer c) {
        return c == null ? "-" : Long.toString(c.lag());
    }

    private static String ms1(double millis) {
        return Double.isNaN(millis) ? "-" : millis < 100 ? "%.1f".formatted(millis) : "%.0f".formatted(millis);
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : "%.0f".formatted(millis);
    }
}
