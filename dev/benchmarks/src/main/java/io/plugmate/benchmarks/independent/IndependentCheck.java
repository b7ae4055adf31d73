package io.plugmate.benchmarks.independent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.TruthHeader;
import io.plugmate.benchmarks.files.TruthInterval;

/**
 * The second, independent scenario source of the pairing benchmark (issue 11): hand-scripted households in twelve
 * situations, reported by their own rules ({@link Script}, {@link Reporting}) — neither the simulator nor the
 * benchmark's generator is used. Kept aside: it is run to check the detector, never to tune it. Writes the same two
 * files per situation as the generator ({@code <name>.jsonl}, {@code <name>.truth.jsonl}), so the same scorer reads
 * them.
 */
public final class IndependentCheck {

    /** A Monday, a different one from the generator's. */
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    /** One situation as written: its files' name and how to consume them. */
    public record Written(String name, String description, long records, int intervals, String laggingTopic,
            Duration lag) {

        public Duration consumerLag(String topic) {
            return topic.equals(laggingTopic) ? lag : Duration.ZERO;
        }
    }

    private IndependentCheck() {
    }

    /** The situations' names and descriptions, without writing anything (for {@code --score-only}). */
    public static List<Written> describe(double scale) {
        return Situations.all(scale).stream()
                .map(s -> new Written(s.name(), s.description(), 0, 0, s.laggingTopic(), s.lag())).toList();
    }

    public static List<Written> write(Path dir, long seed, double scale) {
        List<Written> written = new ArrayList<>();
        for (Situations.Situation situation : Situations.all(scale)) {
            written.add(write(dir, seed, situation));
        }
        return written;
    }

    private static Written write(Path dir, long seed, Situations.Situation situation) {
        Instant end = START.plus(Duration.ofDays(situation.days()));
        List<Reporting.Delivered> records = new ArrayList<>();
        List<TruthInterval> truth = new ArrayList<>();
        List<TruthHeader.LinkedHousehold> households = new ArrayList<>();
        for (int i = 0; i < situation.households(); i++) {
            String id = "ck-%03d".formatted(i + 1);
            Script script = new Script(id, new Random(mix(seed, situation.name(), i)), START, end);
            situation.script().accept(script, i);
            records.addAll(new Reporting(situation.name(), script).records(START));
            truth.addAll(script.truth());
            households.add(new TruthHeader.LinkedHousehold(id,
                    script.cars.stream().map(c -> new TruthHeader.LinkedDevice(c.id, c.kind.vendor())).toList(),
                    script.boxes.stream().map(b -> new TruthHeader.LinkedDevice(b.id, b.kind.vendor())).toList()));
        }
        records.sort(Comparator.comparing(Reporting.Delivered::at));
        try (ScenarioFiles.Writer out = ScenarioFiles.writer(ScenarioFiles.fileFor(dir, situation.name()))) {
            records.forEach(r -> out.write(r.record()));
        }
        truth.sort(Comparator.comparing(TruthInterval::pluggedInAt));
        new GroundTruth(new TruthHeader(situation.name(), situation.description(), seed, START, end, households),
                truth).write(GroundTruth.fileFor(dir, situation.name()));
        return new Written(situation.name(), situation.description(), records.size(), truth.size(),
                situation.laggingTopic(), situation.lag());
    }

    private static long mix(long seed, String situation, int household) {
        UUID u = UUID.nameUUIDFromBytes((seed + "\u001f" + situation + "\u001f" + household)
                .getBytes(StandardCharsets.UTF_8));
        return u.getMostSignificantBits() ^ u.getLeastSignificantBits();
    }
}
