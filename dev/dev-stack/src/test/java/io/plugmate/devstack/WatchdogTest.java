package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash path for real: closing the watchdog's stdin is exactly what the kernel does when the dev-stack
 * JVM is SIGKILLed.
 */
class WatchdogTest {

    @Test
    void stdinEofStopsTheCommandAndItsChildren() throws Exception {
        Process watchdog = start(List.of("sh", "-c", "sleep 300 & wait"), 30);
        List<ProcessHandle> tree = awaitTree(watchdog, 2);

        watchdog.getOutputStream().close();

        assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertAllGone(tree);
    }

    @Test
    void aCommandIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
        Process watchdog = start(List.of("sh", "-c", "trap '' TERM; sleep 300 & wait; wait"), 1);
        List<ProcessHandle> tree = awaitTree(watchdog, 2);

        watchdog.getOutputStream().close();

        assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertAllGone(tree);
    }

    @Test
    void ctrlCIsLeftToTheDevStackJvm() throws Exception {
        Process watchdog = start(List.of("sleep", "300"), 30);
        List<ProcessHandle> tree = awaitTree(watchdog, 1);

        // the terminal sends SIGINT to its whole foreground process group, watchdogs included
        new ProcessBuilder("kill", "-INT", Long.toString(watchdog.pid())).start().waitFor();
        Thread.sleep(300);

        assertThat(watchdog.isAlive()).isTrue();
        assertThat(tree).allMatch(ProcessHandle::isAlive);
        watchdog.getOutputStream().close();
        assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertAllGone(tree);
    }

    @Test
    void theCommandsOwnExitEndsTheWatchdogWithItsStatus() throws Exception {
        Process watchdog = start(List.of("sh", "-c", "exit 7"), 30);

        assertThat(watchdog.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(watchdog.exitValue()).isEqualTo(7);
    }

    @Test
    void childProcessStopsGracefullyAndLogs(@TempDir Path dir) throws Exception {
        ChildProcess child = ChildProcess.start("echo", List.of("sh", "-c", "echo started; exec sleep 300"), Map.of(),
                dir, dir.resolve("logs/echo.log"));
        List<ProcessHandle> tree = awaitTree(child.pid(), 1);

        child.stop(Duration.ofSeconds(10));

        assertThat(child.isAlive()).isFalse();
        assertAllGone(tree);
        assertThat(dir.resolve("logs/echo.log")).content().contains("started");
    }

    private static Process start(List<String> command, int graceSeconds) throws IOException {
        return new ProcessBuilder(Watchdog.wrap(command, graceSeconds)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<ProcessHandle> awaitTree(Process process, int minimum) throws InterruptedException {
        return awaitTree(process.pid(), minimum);
    }

    private static List<ProcessHandle> awaitTree(long pid, int minimum) throws InterruptedException {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
        // the watchdog's guard subshell is a descendant too; wait until the command's tree is there
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> tree = root.descendants().toList();
            if (tree.stream().filter(p -> p.info().command().orElse("").endsWith("sleep")).count() >= 1
                    && tree.size() >= minimum) {
                return tree;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("command did not start: " + root.descendants().toList());
    }

    private static void assertAllGone(List<ProcessHandle> tree) throws InterruptedException {
        for (int i = 0; i < 50 && tree.stream().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
}
