package io.plugmate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about where the figures were measured; throughput means nothing without it. */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        return "%s, %d cores, Java %s, %s".formatted(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
    }

    /** The 1-minute load average: on a shared machine the throughput figures mean little without it. */
    public static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
