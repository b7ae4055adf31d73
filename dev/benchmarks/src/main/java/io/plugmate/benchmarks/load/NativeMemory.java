package io.plugmate.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's resident memory goes, in the JVM's own account (Native Memory Tracking): when the services run
 * with {@code -XX:NativeMemoryTracking=summary}, {@code jcmd <pid> VM.native_memory summary} is taken for every
 * service (after each load step, after each start), saved beside the table and reduced to the committed MiB per
 * category. The resident set less NMT's total: positive, the C heap's own overhead (malloc arenas, freed memory glibc
 * has not returned) and mapped files; negative, memory committed but never touched (the heap grown and not yet used).
 */
final class NativeMemory {

    /**
     * {@code -  Java Heap (reserved=524288KB, committed=183616KB)} — one category of the summary; the AOT cache's
     * {@code Shared class space} adds {@code , readonly=0KB}.
     */
    private static final Pattern CATEGORY = Pattern
            .compile("(?m)^-\\s+(\\S.*?) \\(reserved=(\\d+)KB, committed=(\\d+)KB(?:, [^)]*)?\\)");
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern MALLOC = Pattern.compile("(?m)^\\s+malloc: (\\d+)KB");
    private static final Pattern COUNT = Pattern.compile("\\((classes|threads) #(\\d+)\\)");

    /** The summary's figures: committed KiB per category in its order, then total, malloc, classes and threads. */
    record Summary(Map<String, Long> committedKib, long totalKib, long mallocKib, long classes, long threads) {

        double mib(String category) {
            return committedKib.getOrDefault(category, 0L) / 1024.0;
        }

        /** {@code Java Heap 179, Class 113, Code 52, …} — categories of at least 1 MiB, largest first. */
        String line() {
            StringBuilder line = new StringBuilder("NMT committed %.0f MiB (malloc %.0f, %d classes, %d threads):"
                    .formatted(totalKib / 1024.0, mallocKib / 1024.0, classes, threads));
            committedKib.entrySet().stream().filter(e -> e.getValue() >= 1024)
                    .sorted(Map.Entry.<String, Long> comparingByValue().reversed())
                    .forEach(e -> line.append(" %s %.0f,".formatted(e.getKey(), e.getValue() / 1024.0)));
            return line.substring(0, line.length() - 1);
        }
    }

    /** One summary taken: when ({@code at}: the step's rate, or the start's run and variant), whose, its resident set. */
    record Row(String at, String service, double rssMib, Summary summary) {
    }

    private NativeMemory() {
    }

    /**
     * The rows as a Markdown table of committed MiB: every category that reached 1 MiB in some row, the NMT total, its
     * malloc part, and the resident set less the total.
     */
    static String table(List<Row> rows) {
        List<String> categories = rows.stream().flatMap(r -> r.summary().committedKib().entrySet().stream())
                .filter(e -> e.getValue() >= 1024).map(Map.Entry::getKey).distinct().toList();
        StringBuilder table = new StringBuilder("| at | service | RSS | NMT total | malloc | RSS − NMT | classes | threads |");
        categories.forEach(c -> table.append(' ').append(c).append(" |"));
        table.append("\n|---|---|").append("---:|".repeat(6 + categories.size())).append('\n');
        for (Row r : rows) {
            Summary s = r.summary();
            table.append("| %s | %s | %.0f | %.0f | %.0f | %.0f | %d | %d |".formatted(r.at(), r.service(), r.rssMib(),
                    s.totalKib() / 1024.0, s.mallocKib() / 1024.0, r.rssMib() - s.totalKib() / 1024.0, s.classes(),
                    s.threads()));
            categories.forEach(c -> table.append(" %.0f |".formatted(s.mib(c))));
            table.append('\n');
        }
        return table.toString();
    }

    /** Whether the JVM options turn tracking on (it costs a little CPU and memory, so only when asked). */
    static boolean tracked(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking=") && !o.endsWith("=off"));
    }

    /** The figures of a {@code VM.native_memory summary} text; null when it holds none (tracking off, JVM gone). */
    static Summary parse(String text) {
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) {
            return null;
        }
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher category = CATEGORY.matcher(text);
        while (category.find()) {
            committed.put(category.group(1).strip(), Long.parseLong(category.group(3)));
        }
        Matcher malloc = MALLOC.matcher(text);
        long classes = 0;
        long threads = 0;
        Matcher count = COUNT.matcher(text);
        while (count.find()) {
            if (count.group(1).equals("classes")) {
                classes = Math.max(classes, Long.parseLong(count.group(2)));
            } else {
                threads = Math.max(threads, Long.parseLong(count.group(2)));
            }
        }
        return new Summary(committed, Long.parseLong(total.group(2)), malloc.find() ? Long.parseLong(malloc.group(1)) : 0,
                classes, threads);
    }

    /**
     * Takes the summary of the JVM {@code pid} with the benchmark's own JDK's {@code jcmd}, saves it as {@code file}
     * and returns its figures (null when jcmd failed: the text saved says why).
     */
    static Summary take(long pid, Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String text;
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            text = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            text = "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            text = "interrupted";
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text);
    }
}
