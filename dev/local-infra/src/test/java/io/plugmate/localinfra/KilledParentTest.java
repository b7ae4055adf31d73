package io.plugmate.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guarantee behind "a killed build leaves no database or broker running", checked with a real SIGKILL. */
class KilledParentTest {

    @TempDir
    Path temp;

    @Test
    void postgresAndKafkaDieWithAParentKilledBySigkill() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), InfrastructureHolderMain.class.getName(), temp.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> pids;
        try (var out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("PIDS ")) {
                line = out.readLine();
            }
            assertThat(line).as("holder JVM printed its children").isNotNull();
            pids = java.util.Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).toList();
        }
        assertThat(pids).allMatch(KilledParentTest::alive);

        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (pids.stream().anyMatch(KilledParentTest::alive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(pids).noneMatch(KilledParentTest::alive);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
