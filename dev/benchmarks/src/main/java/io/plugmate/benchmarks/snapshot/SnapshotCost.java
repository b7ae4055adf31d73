package io.plugmate.benchmarks.snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.benchmarks.Machine;
import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.UserDetector;

/**
 * What one input record costs pairing-service's JVM in the shape of its live path (issue 14): per record the user's
 * stored snapshot is parsed and the detector restored, the record applied, and the snapshot written back as JSON —
 * the same Jackson mapper and snapshot type as {@code DetectorStore}. Timed on the thread's CPU clock, so a machine
 * shared with other work shows less noise than on the wall clock; the database's own part (the row lock, jsonb in and
 * out, the projection, inbox and outbox rows) is not in it. Households are taken from a pairing-benchmark scenario
 * file, each in its delivery order.
 */
public final class SnapshotCost {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final DetectorSettings settings = DetectorSettings.defaults();
    private final List<long[]> samples = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Path file = Path.of(option(args, "--in", "dev/benchmarks/target/pairing-benchmark/single.jsonl"));
        int households = Integer.parseInt(option(args, "--households", "6"));
        int records = Integer.parseInt(option(args, "--records", "3000"));
        if (!Files.isRegularFile(file)) {
            System.err.println("[snapshot-benchmark] no scenario file " + file
                    + ": run ./plugmate bench pairing --only single --source generated first, or pass --in FILE");
            System.exit(2);
        }
        Map<String, List<PlugmateEvent>> byHousehold = read(file, households, records);
        SnapshotCost cost = new SnapshotCost();
        // a first pass warms the JIT up; only the second one counts
        byHousehold.values().forEach(cost::run);
        cost.samples.clear();
        cost.sizes.clear();
        byHousehold.values().forEach(cost::run);
        cost.print(file, byHousehold.size());
    }

    private void run(List<PlugmateEvent> records) {
        PlugmateEvent first = records.getFirst();
        String stored = write(UserDetector.start(first.clientId(), first.userId(), settings).snapshot());
        for (PlugmateEvent event : records) {
            long t0 = CPU.getCurrentThreadCpuTime();
            UserDetector detector = UserDetector.restore(parse(stored), settings);
            long t1 = CPU.getCurrentThreadCpuTime();
            detector.accept(event, true, null);
            long t2 = CPU.getCurrentThreadCpuTime();
            stored = write(detector.snapshot());
            long t3 = CPU.getCurrentThreadCpuTime();
            samples.add(new long[] { t1 - t0, t2 - t1, t3 - t2 });
            sizes.add(stored.length());
        }
    }

    private void print(Path file, int households) {
        System.out.printf(Locale.ROOT,
                "%s, load average %s%nscenario file %s, %d households, %,d records (second pass, after a warm-up "
                        + "pass)%n%n",
                Machine.describe(), Machine.load(), file, households, samples.size());
        System.out.println("| step (thread CPU per record) | mean (µs) | median (µs) | p95 (µs) | share |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        String[] steps = { "parse the snapshot, restore the detector", "apply the record (the detector)",
                "write the snapshot" };
        double total = 0;
        double[] means = new double[3];
        for (int s = 0; s < 3; s++) {
            means[s] = mean(column(s));
            total += means[s];
        }
        for (int s = 0; s < 3; s++) {
            long[] c = column(s);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.0f %% |%n", steps[s], means[s] / 1e3,
                    percentile(c, 50) / 1e3, percentile(c, 95) / 1e3, 100 * means[s] / total);
        }
        System.out.printf(Locale.ROOT, "| all three | %.1f | | | 100 %% |%n%n", total / 1e3);
        long[] bytes = sizes.stream().mapToLong(Integer::longValue).toArray();
        System.out.printf(Locale.ROOT, "snapshot size (characters of JSON): median %,d, p95 %,d, max %,d%n",
                percentile(bytes, 50), percentile(bytes, 95), Arrays.stream(bytes).max().orElse(0));
        System.out.printf(Locale.ROOT, "records per second of one core, these three steps only: %,.0f "
                + "(the detector alone, its state kept in memory: %,.0f)%n", 1e9 / total, 1e9 / means[1]);
    }

    private long[] column(int step) {
        return samples.stream().mapToLong(s -> s[step]).toArray();
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** Nearest rank. */
    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /**
     * The first {@code records} pairing inputs of each of the first {@code households} households, in the file's
     * (delivery) order: about three days of a household, enough for its detector to reach its usual size.
     */
    private static Map<String, List<PlugmateEvent>> read(Path file, int households, int records) throws IOException {
        Map<String, List<PlugmateEvent>> byHousehold = new LinkedHashMap<>();
        try (BufferedReader in = ScenarioFiles.reader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ScenarioRecord r = ScenarioFiles.fromLine(line);
                List<PlugmateEvent> own = byHousehold.get(r.key());
                if (own == null && byHousehold.size() < households) {
                    own = new ArrayList<>();
                    byHousehold.put(r.key(), own);
                }
                if (own != null && own.size() < records) {
                    own.add(r.value());
                }
            }
        }
        return byHousehold;
    }

    private static String write(DetectorSnapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DetectorSnapshot parse(String json) {
        try {
            return JSON.readValue(json, DetectorSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
