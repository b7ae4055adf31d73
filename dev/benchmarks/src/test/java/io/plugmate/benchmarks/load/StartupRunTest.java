package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** JVM option variants of {@code startup}: parsed in order, compared by their medians against the first. */
class StartupRunTest {

    @Test
    void everyJvmOptsIsAVariantOfStartupOnly() {
        LoadOptions options = LoadOptions.parse(new String[] { "startup", "--jvm-opts", "-Xmx64m -XX:+UseSerialGC",
                "--jvm-opts", "-Xmx64m" });
        assertThat(options.jvmVariants()).containsExactly(List.of("-Xmx64m", "-XX:+UseSerialGC"), List.of("-Xmx64m"));
        assertThat(options.jvmOptions()).containsExactly("-Xmx64m", "-XX:+UseSerialGC");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] { "topics", "--jvm-opts", "-Xmx1g", "--jvm-opts",
                "-Xmx2g" })).hasMessageContaining("startup only");
    }

    @Test
    void byDefaultTheServicesRunWithK8sJvmSettingsAtTheContainersLimit() {
        List<String> jvm = LoadOptions.defaultJvm(Path.of("../..").resolve(LoadOptions.JVM_SETTINGS), "128m");
        assertThat(jvm).startsWith("-XX:MaxRAM=512m").contains("-XX:+UseSerialGC", "MALLOC_ARENA_MAX=2")
                .endsWith("-Xmx128m").anyMatch(option -> option.startsWith("-XX:MaxRAMPercentage="));
    }

    @Test
    void theMediansOfEachVariantAreRatiosOfTheFirst() {
        List<StartupRun.Start> starts = List.of(start(0, 2000, 300), start(1, 1000, 150), start(0, 4000, 320),
                start(1, 3000, 170), start(0, 3000, 310), start(1, 9000, 160));
        String table = StartupRun.table(starts, List.of(List.of("-Xmx358m"), List.of("-XX:+UseSerialGC")));
        assertThat(table).contains("- A: `-Xmx358m`", "- B: `-XX:+UseSerialGC`")
                .contains("| pairing-service | A | 3000 (1.00) | 1.50 (1.00) | 3000 (1.00) | 310 (1.00) | 310 (1.00)"
                        + " | 305 (1.00) |")
                .contains("| pairing-service | B | 3000 (1.00) | 1.50 (1.00) | 3000 (1.00) | 160 (0.52) | 160 (0.52)"
                        + " | 155 (0.51) |")
                .contains("| pairing-service | A | app.aot | 2000 | 1.00 | 2000 | 300 | 300 | 20 | 295 | 120 / 100 |");
    }

    @Test
    void anAotCacheIsTrainedByStartupIntoAFileOfTheApp() {
        assertThat(LoadOptions.parse(new String[] { "startup", "--train-aot", "app-workload.aot",
                "--jvm-opts", "-XX:+UseSerialGC" }).trainAot())
                .isEqualTo("app-workload.aot");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] { "topics", "--train-aot", "app.aot", "--jvm-opts",
                "-Xmx64m" }))
                .hasMessageContaining("--train-aot");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] { "startup", "--train-aot", "/tmp/app.aot",
                "--jvm-opts", "-Xmx64m" }))
                .hasMessageContaining("file name");
    }

    private static StartupRun.Start start(int variant, long millis, double mib) {
        return new StartupRun.Start("pairing-service", variant, "app.aot", Duration.ofMillis(millis), millis / 2000.0, 200,
                Duration.ofMillis(millis), mib, new ProcessStats.Memory(mib, mib - 20, 20, mib - 5,
                        new ProcessStats.Mapping(120, 100)),
                null);
    }
}
