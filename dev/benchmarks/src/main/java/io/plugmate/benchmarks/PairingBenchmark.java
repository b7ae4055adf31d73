package io.plugmate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.ScenarioGenerator;
import io.plugmate.benchmarks.report.ScoreTable;
import io.plugmate.benchmarks.report.WorstCases;
import io.plugmate.benchmarks.scenarios.ScenarioCatalog;
import io.plugmate.benchmarks.score.DetectorRun;
import io.plugmate.benchmarks.score.DetectorTrace;
import io.plugmate.benchmarks.score.ScenarioScore;
import io.plugmate.benchmarks.score.Scoring;
import io.plugmate.pairing.domain.DetectorSettings;

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

    static void run(BenchmarkOptions options) {
        long started = System.nanoTime();
        String loadAtStart = Machine.load();
        createDirectories(options.out());
        List<Scenario> scenarios = ScenarioCatalog.all(options.scale()).stream()
                .filter(s -> options.only().isEmpty() || options.only().contains(s.name())).toList();
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario class named " + options.only());
        }
        ScenarioGenerator generator = new ScenarioGenerator(options.out(), options.seed());
        List<ScenarioScore> scores = new ArrayList<>();
        StringBuilder worst = new StringBuilder();
        long generateNanos = 0;
        long scoreNanos = 0;
        for (Scenario scenario : scenarios) {
            long t0 = System.nanoTime();
            if (!options.scoreOnly()) {
                ScenarioGenerator.Generated g = generator.generate(scenario);
                System.err.printf("%-19s generated %,d records, %,d truth intervals in %.1f s%n", scenario.name(),
                        g.records(), g.intervals(), (System.nanoTime() - t0) / 1e9);
            }
            long t1 = System.nanoTime();
            DetectorTrace trace = DetectorRun.replay(ScenarioFiles.fileFor(options.out(), scenario.name()),
                    DetectorSettings.defaults());
            Scoring.Result result = Scoring.score(scenario.name(),
                    GroundTruth.read(GroundTruth.fileFor(options.out(), scenario.name())), trace);
            long t2 = System.nanoTime();
            System.err.printf("%-19s scored %,d sessions in %.1f s%n", scenario.name(), result.score().sessions(),
                    (t2 - t1) / 1e9);
            scores.add(result.score());
            worst.append(WorstCases.render(scenario.name(), result.cases()));
            generateNanos += t1 - t0;
            scoreNanos += t2 - t1;
        }
        ScenarioScore overall = ScenarioScore.overall("overall", scores);
        String header = header(options, scenarios);
        String table = ScoreTable.render(scores, overall);
        String runtime = "Runtime: %.0f s (generation %.0f s, replay and scoring %.0f s); load average %s at the start, %s at the end.%n"
                .formatted((System.nanoTime() - started) / 1e9, generateNanos / 1e9, scoreNanos / 1e9, loadAtStart,
                        Machine.load());
        System.out.print(header + "\n" + table + "\n" + runtime);
        write(options.out().resolve("results.md"), header + "\n" + table + "\n" + runtime);
        write(options.out().resolve("worst-cases.txt"), worst.toString());
        System.err.println("wrote " + options.out().resolve("results.md") + ", "
                + options.out().resolve("worst-cases.txt") + " and the scenario files in " + options.out());
    }

    private static String header(BenchmarkOptions options, List<Scenario> scenarios) {
        StringBuilder sb = new StringBuilder();
        sb.append("Pairing accuracy benchmark: seed %d, scale %s, %s, %s%n".formatted(options.seed(), options.scale(),
                LocalDate.now(ZoneOffset.UTC), Machine.describe()));
        sb.append("Detector: ").append(DetectorSettings.defaults()).append("\n\n");
        for (Scenario s : scenarios) {
            sb.append("- `").append(s.name()).append("` ").append(s.description()).append(" (")
                    .append(s.length().toDays()).append(" days)\n");
        }
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
