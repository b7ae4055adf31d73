package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes, killed with SIGKILL as in issue 13's fault probe; the supervisor is driven round by round. */
class SupervisorTest {

    private static final RestartPolicy NO_WAIT = new RestartPolicy(Duration.ZERO, Duration.ZERO, 2,
            Duration.ofMinutes(10));

    @TempDir
    Path work;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private PrintStream originalOut;
    private final AtomicReference<ChildProcess> current = new AtomicReference<>();

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        System.setOut(new PrintStream(console, true));
    }

    @AfterEach
    void cleanUp() {
        System.setOut(originalOut);
        if (current.get() != null) {
            current.get().stop(Duration.ofSeconds(5));
        }
    }

    private ChildProcess sleeper() {
        return ChildProcess.start("kafka", List.of("sleep", "600"), Map.of(), work, work.resolve("kafka.log"));
    }

    private Supervisor supervising(AtomicInteger starts) {
        current.set(sleeper());
        Supervisor supervisor = new Supervisor(stopped::get, () -> stopped.set(true), Clock.systemUTC());
        supervisor.watch("Kafka", () -> current.get().isAlive(), () -> {
            starts.incrementAndGet();
            current.set(sleeper());
        }, ".plugmate/logs/kafka.log", NO_WAIT);
        return supervisor;
    }

    private static void killHard(ChildProcess child) throws InterruptedException {
        long pid = child.pid();
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        });
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
        // the JDK learns of the exit twice (the handle's waiter, the Process object's reaper): the supervisor asks the
        // Process object, so wait until it knows too, or a round may still see the part alive
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void aKilledPartIsReportedByNameAndRestarted() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        Supervisor supervisor = supervising(starts);
        supervisor.checkOnce();
        assertThat(starts).hasValue(0);
        ChildProcess first = current.get();

        killHard(first);
        supervisor.checkOnce();

        assertThat(starts).hasValue(1);
        assertThat(current.get()).isNotSameAs(first);
        assertThat(current.get().isAlive()).isTrue();
        assertThat(console.toString()).contains("Kafka is not running any more: restarting it",
                "(attempt 1 of 2). See .plugmate/logs/kafka.log", "Kafka is back");
        assertThat(stopped).isFalse();
    }

    @Test
    void aPartThatKeepsDyingStopsTheStackWithAClearMessage() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        Supervisor supervisor = supervising(starts);

        for (int death = 0; death < 3; death++) {
            killHard(current.get());
            supervisor.checkOnce();
        }

        assertThat(starts).hasValue(2);
        assertThat(stopped).isTrue();
        assertThat(console.toString()).contains("Kafka stopped running 3 times within 10 min: stopping the whole "
                + "stack. See .plugmate/logs/kafka.log");
    }

    @Test
    void nothingIsRestartedWhileTheStackStops() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        Supervisor supervisor = supervising(starts);
        stopped.set(true);

        killHard(current.get());
        supervisor.checkOnce();

        assertThat(starts).hasValue(0);
    }
}
