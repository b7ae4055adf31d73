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
import io.plugmate.pairing.domain.ReportTexts;
import io.plugmate.pairing.domain.SnapshotJson;
import io.plugmate.pairing.domain.UserDetector;

/**
 * What one input record costs pairing-service's JVM in the shape of its live path (issue 14): per record the user's
 * stored snapshot is parsed and the detector restored, the record applied, and the snapshot written back — with the
 * same mapper and snapshot type as {@code DetectorStore} ({@link SnapshotJson}, ADR 0020), and for comparison with the
 * events' mapper that stored it before (reports as objects). Timed on the thread's CPU clock, so a machine shared with
 * other work shows less noise than on the wall clock; the database's own part (the row lock, jsonb in and out, the
 * projection, inbox and outbox rows) is not in it. Households are taken from a pairing-benchmark scenario file, each
 * in its delivery order.
 */
public final class SnapshotCost {

    private static final ObjectMapper EVENTS_JSON = EventJson.mapper();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] STEPS = { "parse the snapshot, events' JSON (before ADR 0020)",
            "parse the snapshot, stored form (ADR 0020)", "restore the detector from the parsed snapshot",
            "apply the record (the detector)", "write the snapshot, events' JSON (before ADR 0020)",
            "write the snapshot, stored form (ADR 0020)",
            "write the snapshot, stored form, held: the texts of its reports last written copied" };
    private static final int PARSE_OLD = 0;
    private static final int PARSE = 1;
    private static final int RESTORE = 2;
    private static final int APPLY = 3;
    private static final int WRITE_OLD = 4;
    private static final int WRITE = 5;
    private static final int WRITE_HELD = 6;

    private final DetectorSettings settings = DetectorSettings.defaults();
    private final List<long[]> samples = new ArrayList<>();
    private final List<int[]> sizes = new ArrayList<>();
    private final List<int[]> reports = new ArrayList<>();
    /** Each household's last stored snapshot. */
    private final List<String> last = new ArrayList<>();

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
        cost.reports.clear();
        cost.last.clear();
        byHousehold.values().forEach(cost::run);
        cost.print(file, byHousehold.size());
        cost.printHeld();
    }

    private void run(List<PlugmateEvent> records) {
        PlugmateEvent first = records.getFirst();
        DetectorSnapshot start = UserDetector.start(first.clientId(), first.userId(), settings).snapshot();
        String stored = write(start);
        String storedOld = writeOld(start);
        // the same household held in memory as DetectorCache holds it: the detector goes on from the snapshot
        // object it stored, its reports the same objects, so their texts of the last write can be copied
        DetectorSnapshot held = start;
        ReportTexts heldTexts = ReportTexts.NONE;
        for (PlugmateEvent event : records) {
            long[] t = new long[STEPS.length];
            long t0 = CPU.getCurrentThreadCpuTime();
            DetectorSnapshot parsedOld = parseOld(storedOld);
            long t1 = CPU.getCurrentThreadCpuTime();
            DetectorSnapshot parsed = parse(stored);
            long t2 = CPU.getCurrentThreadCpuTime();
            UserDetector detector = UserDetector.restore(parsed, settings);
            long t3 = CPU.getCurrentThreadCpuTime();
            detector.accept(event, true, null);
            long t4 = CPU.getCurrentThreadCpuTime();
            DetectorSnapshot next = detector.snapshot();
            storedOld = writeOld(next);
            long t5 = CPU.getCurrentThreadCpuTime();
            stored = write(next);
            long t6 = CPU.getCurrentThreadCpuTime();
            UserDetector heldDetector = UserDetector.restore(held, settings);
            heldDetector.accept(event, true, null);
            held = heldDetector.snapshot();
            long t7 = CPU.getCurrentThreadCpuTime();
            SnapshotJson.Written written = write(held, heldTexts);
            long t8 = CPU.getCurrentThreadCpuTime();
            heldTexts = written.reports();
            if (!parsedOld.equals(parsed)) {
                throw new IllegalStateException("the two forms of one snapshot read differently");
            }
            if (!written.json().equals(stored)) {
                throw new IllegalStateException("a held snapshot was written differently from the same state parsed");
            }
            t[PARSE_OLD] = t1 - t0;
            t[PARSE] = t2 - t1;
            t[RESTORE] = t3 - t2;
            t[APPLY] = t4 - t3;
            t[WRITE_OLD] = t5 - t4;
            t[WRITE] = t6 - t5;
            t[WRITE_HELD] = t8 - t7;
            samples.add(t);
            sizes.add(new int[] { storedOld.length(), stored.length() });
            reports.add(new int[] { next.devices().stream().mapToInt(d -> d.reports().size()).sum(),
                    next.devices().size(), next.pending().size() });
        }
        last.add(stored);
    }

    /**
     * What a snapshot held in memory (pairing-service's DetectorCache) takes of the heap: each household's last
     * snapshot parsed 500 times over and kept, the heap used after a collection before and after, per copy.
     */
    private void printHeld() {
        Runtime heap = Runtime.getRuntime();
        List<DetectorSnapshot> held = new ArrayList<>();
        System.gc();
        long before = heap.totalMemory() - heap.freeMemory();
        for (int copy = 0; copy < 500; copy++) {
            last.forEach(json -> held.add(parse(json)));
        }
        System.gc();
        long after = heap.totalMemory() - heap.freeMemory();
        System.out.printf(Locale.ROOT, "a snapshot held in memory: about %,d bytes of heap (%,d held, the households' "
                + "last ones; System.gc() before and after)%n", (after - before) / held.size(), held.size());
    }

    private void print(Path file, int households) {
        System.out.printf(Locale.ROOT,
                "%s, load average %s%nscenario file %s, %d households, %,d records (second pass, after a warm-up "
                        + "pass)%n%n",
                Machine.describe(), Machine.load(), file, households, samples.size());
        System.out.println("| step (thread CPU per record) | mean (µs) | median (µs) | p95 (µs) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        double[] means = new double[STEPS.length];
        for (int s = 0; s < STEPS.length; s++) {
            long[] c = column(s);
            means[s] = mean(c);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", STEPS[s], means[s] / 1e3,
                    percentile(c, 50) / 1e3, percentile(c, 95) / 1e3);
        }
        double before = means[PARSE_OLD] + means[RESTORE] + means[APPLY] + means[WRITE_OLD];
        double after = means[PARSE] + means[RESTORE] + means[APPLY] + means[WRITE];
        double held = means[RESTORE] + means[APPLY] + means[WRITE];
        double heldTexts = means[RESTORE] + means[APPLY] + means[WRITE_HELD];
        System.out.printf(Locale.ROOT, "%n| per record | mean (µs) | records/s of one core |%n| --- | ---: | ---: |%n");
        System.out.printf(Locale.ROOT, "| events' JSON: parse, restore, apply, write | %.1f | %,.0f |%n", before / 1e3,
                1e9 / before);
        System.out.printf(Locale.ROOT, "| stored form: parse, restore, apply, write | %.1f | %,.0f |%n", after / 1e3,
                1e9 / after);
        System.out.printf(Locale.ROOT,
                "| stored form, snapshot held in memory (DetectorCache): restore, apply, write | %.1f | %,.0f |%n",
                held / 1e3, 1e9 / held);
        System.out.printf(Locale.ROOT,
                "| the same, its reports' texts of the last write copied: restore, apply, write | %.1f | %,.0f |%n",
                heldTexts / 1e3, 1e9 / heldTexts);
        System.out.printf(Locale.ROOT, "| the detector alone, its state kept in memory | %.1f | %,.0f |%n%n",
                means[APPLY] / 1e3, 1e9 / means[APPLY]);
        for (int form = 0; form < 2; form++) {
            int f = form;
            long[] chars = sizes.stream().mapToLong(size -> size[f]).toArray();
            System.out.printf(Locale.ROOT, "snapshot size, %s (characters of JSON): median %,d, p95 %,d, max %,d%n",
                    form == 0 ? "events' JSON" : "stored form", percentile(chars, 50), percentile(chars, 95),
                    Arrays.stream(chars).max().orElse(0));
        }
        System.out.printf(Locale.ROOT, "reports kept per device: median %d, max %d; inputs waiting: median %d, max %d%n",
                percentile(reports.stream().mapToLong(r -> r[1] == 0 ? 0 : r[0] / r[1]).toArray(), 50),
                reports.stream().mapToLong(r -> r[1] == 0 ? 0 : r[0] / r[1]).max().orElse(0),
                percentile(reports.stream().mapToLong(r -> r[2]).toArray(), 50),
                reports.stream().mapToLong(r -> r[2]).max().orElse(0));
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
            return SnapshotJson.write(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SnapshotJson.Written write(DetectorSnapshot snapshot, ReportTexts earlier) {
        try {
            return SnapshotJson.write(snapshot, earlier);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DetectorSnapshot parse(String json) {
        try {
            return SnapshotJson.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String writeOld(DetectorSnapshot snapshot) {
        try {
            return EVENTS_JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DetectorSnapshot parseOld(String json) {
        try {
            return EVENTS_JSON.readValue(json, DetectorSnapshot.class);
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
