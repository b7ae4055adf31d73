package io.plugmate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.ScenarioGenerator;
import io.plugmate.benchmarks.independent.IndependentCheck;
import io.plugmate.benchmarks.report.ScoreTable;
import io.plugmate.benchmarks.report.Targets;
import io.plugmate.benchmarks.report.WorstCases;
import io.plugmate.benchmarks.scenarios.ScenarioCatalog;
import io.plugmate.benchmarks.score.DetectorRun;
import io.plugmate.benchmarks.score.DetectorTrace;
import io.plugmate.benchmarks.score.ScenarioScore;
import io.plugmate.benchmarks.score.Scoring;
import io.plugmate.events.Topics;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.PairingEngine;

/**
 * The pairing accuracy benchmark (issue 4, point 6): generates every scenario class's files from the simulated fleet,
 * feeds them through the detector in-process and prints the table. Progress goes to stderr, the table to stdout; the
 * out directory gets the scenario files, {@code results.md} and {@code worst-cases.txt}.
 */
public final class PairingBenchmark {

    private PairingBenchmark() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        run(options);
    }

    /** One class to score: its files in {@code dir}, and how far behind each topic's consumer is. */
    private record ScoredClass(String name, String description, Path dir, Function<String, Duration> consumerLag) {
    }

    /** One source's classes scored. */
    private record SourceResult(String source, List<ScenarioScore> scores, ScenarioScore overall, String notes) {
    }

    static void run(BenchmarkOptions options) {
        long started = System.nanoTime();
        String loadAtStart = Machine.load();
        createDirectories(options.out());
        StringBuilder worst = new StringBuilder();
        StringBuilder classes = new StringBuilder();
        List<SourceResult> results = new ArrayList<>();
        if (options.source() != BenchmarkOptions.Source.INDEPENDENT) {
            List<ScoredClass> generated = generated(options, classes);
            results.add(score("generated", generated, options, worst));
        }
        if (options.source() != BenchmarkOptions.Source.GENERATED) {
            List<ScoredClass> independent = independent(options, classes);
            results.add(score("independent", independent, options, worst));
        }
        String header = header(options) + classes;
        StringBuilder tables = new StringBuilder();
        if (results.size() > 1) {
            tables.append("### Both sources side by side\n\n").append(Targets.line()).append("\n\n")
                    .append(ScoreTable.sideBySide(results.stream().map(r -> r.overall().withName(r.source()))
                            .toList()))
                    .append('\n');
        }
        for (SourceResult r : results) {
            tables.append("### Source: ").append(r.source()).append("\n\n")
                    .append(ScoreTable.render(r.scores(), r.overall())).append(r.notes()).append('\n');
        }
        String runtime = "Runtime: %.0f s; load average %s at the start, %s at the end.%n"
                .formatted((System.nanoTime() - started) / 1e9, loadAtStart, Machine.load());
        System.out.print(header + "\n" + tables + runtime);
        write(options.out().resolve("results.md"), header + "\n" + tables + runtime);
        write(options.out().resolve("worst-cases.txt"), worst.toString());
        System.err.println("wrote " + options.out().resolve("results.md") + ", "
                + options.out().resolve("worst-cases.txt") + " and the scenario files in " + options.out());
    }

    private static List<ScoredClass> generated(BenchmarkOptions options, StringBuilder classes) {
        List<Scenario> scenarios = ScenarioCatalog.all(options.scale()).stream()
                .filter(s -> options.only().isEmpty() || options.only().contains(s.name())).toList();
        ScenarioGenerator generator = new ScenarioGenerator(options.out(), options.seed());
        List<ScoredClass> result = new ArrayList<>();
        classes.append("\nGenerated from the simulated fleet (`oem-simulator`):\n\n");
        for (Scenario scenario : scenarios) {
            if (!options.scoreOnly()) {
                long t0 = System.nanoTime();
                ScenarioGenerator.Generated g = generator.generate(scenario);
                System.err.printf("%-22s generated %,d records, %,d truth intervals in %.1f s%n", scenario.name(),
                        g.records(), g.intervals(), (System.nanoTime() - t0) / 1e9);
            }
            classes.append("- `").append(scenario.name()).append("` ").append(scenario.description()).append(" (")
                    .append(scenario.length().toDays()).append(" days)\n");
            result.add(new ScoredClass(scenario.name(), scenario.description(), options.out(),
                    scenario::consumerLag));
        }
        return result;
    }

    private static List<ScoredClass> independent(BenchmarkOptions options, StringBuilder classes) {
        Path dir = options.out().resolve("independent");
        createDirectories(dir);
        List<IndependentCheck.Written> situations;
        if (options.scoreOnly()) {
            situations = IndependentCheck.describe(options.scale());
        } else {
            long t0 = System.nanoTime();
            situations = IndependentCheck.write(dir, options.seed(), options.scale());
            System.err.printf("independent check: %,d records in %d situations written in %.1f s%n",
                    situations.stream().mapToLong(IndependentCheck.Written::records).sum(), situations.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        classes.append("\nIndependent check (hand-scripted, `independent` package; never tuned on):\n\n");
        List<ScoredClass> result = new ArrayList<>();
        for (IndependentCheck.Written w : situations) {
            if (!options.only().isEmpty() && !options.only().contains(w.name())) {
                continue;
            }
            classes.append("- `").append(w.name()).append("` ").append(w.description()).append('\n');
            result.add(new ScoredClass(w.name(), w.description(), dir, w::consumerLag));
        }
        return result;
    }

    private static SourceResult score(String source, List<ScoredClass> classes, BenchmarkOptions options,
            StringBuilder worst) {
        PairingEngine.Feed feed = options.asProduced() ? PairingEngine.Feed.AS_PRODUCED
                : PairingEngine.Feed.AS_CONSUMED;
        List<ScenarioScore> scores = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (ScoredClass c : classes) {
            long t1 = System.nanoTime();
            Path file = ScenarioFiles.fileFor(c.dir(), c.name());
            DetectorTrace trace = DetectorRun.replay(file, DetectorSettings.defaults(), feed, c.consumerLag());
            Scoring.Result result = Scoring.score(c.name(), GroundTruth.read(GroundTruth.fileFor(c.dir(), c.name())),
                    trace);
            if (isLagging(c)) {
                notes.append(sameAsNobodyBehind(c, file, trace, feed));
            }
            System.err.printf("%-11s %-22s scored %,d sessions in %.1f s%n", source, c.name(),
                    result.score().sessions(), (System.nanoTime() - t1) / 1e9);
            scores.add(result.score());
            worst.append(WorstCases.render(source, c.name(), file, result.cases()));
        }
        return new SourceResult(source, scores, ScenarioScore.overall("overall", scores), notes.toString());
    }

    private static boolean isLagging(ScoredClass c) {
        return Stream.of(Topics.DEVICE_LIFECYCLE, Topics.VEHICLE_STATE, Topics.CHARGER_STATE)
                .anyMatch(t -> !c.consumerLag().apply(t).isZero());
    }

    /** The class replayed with no consumer behind: are the pair transitions the same (event times included)? */
    private static String sameAsNobodyBehind(ScoredClass c, Path file, DetectorTrace lagging,
            PairingEngine.Feed feed) {
        DetectorTrace inSync = DetectorRun.replay(file, DetectorSettings.defaults(), feed, topic -> Duration.ZERO);
        List<String> a = transitions(lagging);
        List<String> b = transitions(inSync);
        long differing = 0;
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size() || !a.get(i).equals(b.get(i))) {
                differing++;
            }
        }
        return "\n`%s`: %s pair transitions with a consumer behind, %s with nobody behind; %s.%n".formatted(c.name(),
                a.size(), b.size(), differing == 0 ? "identical, event times included"
                        : differing + " differ");
    }

    /** Per user, the transitions in order (the users interleave differently when a consumer is behind). */
    private static List<String> transitions(DetectorTrace trace) {
        return trace.changes().stream()
                .map(ch -> ch.householdId() + " " + ch.transition().pairId() + " " + ch.transition().from() + "->"
                        + ch.transition().to() + " " + ch.transition().at() + " " + ch.transition().reason())
                .sorted(Comparator.comparing((String x) -> x.substring(0, x.indexOf(' ')))).toList();
    }

    private static String header(BenchmarkOptions options) {
        StringBuilder sb = new StringBuilder();
        sb.append("Pairing accuracy benchmark: seed %d, scale %s, %s, %s%n".formatted(options.seed(), options.scale(),
                LocalDate.now(ZoneOffset.UTC), Machine.describe()));
        sb.append("Records taken ").append(options.asProduced()
                ? "as produced (each record vouches for everything before it)"
                : "as the live service takes them: each topic in order, waiting for the others (ADR 0008)")
                .append(".\n");
        sb.append("Detector: ").append(DetectorSettings.defaults()).append('\n');
        return sb.toString();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
