package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code ./plugmate run} for real: a JVM holding real PostgreSQL and Kafka and stand-ins for a service, the
 * simulator and Keycloak ({@link StackHolderMain}) gets the signal a person or a script sends. The service's stop must
 * still find PostgreSQL, Kafka and the simulator answering after it has drained; then the simulator stops, then Kafka
 * and Keycloak, PostgreSQL last, and nothing is left running.
 */
class StopOrderTest {

    @TempDir
    Path work;

    @Test
    void sigtermToTheDevStackJvmStopsServicesFirstAndPostgresLast() throws Exception {
        Process holder = start(List.of());
        List<Long> pids = awaitReady(holder);

        holder.destroy(); // SIGTERM, what a script sends to the JVM ./plugmate execs into

        assertThat(holder.waitFor(3, TimeUnit.MINUTES)).as("the holder JVM exits").isTrue();
        assertStoppedInOrder(pids);
    }

    @Test
    void ctrlCToTheWholeProcessGroupStopsInTheSameOrder() throws Exception {
        // A process started with SIGINT ignored (e.g. a build launched with & from a non-interactive shell) passes that
        // on to every child, and neither a JVM nor a shell may take it back: Ctrl-C cannot be played here at all.
        assumeFalse(sigintIgnored(), "this JVM was started with SIGINT ignored, so its children cannot receive Ctrl-C");
        // its own process group, like a terminal's foreground job: Kafka and the watchdog shells get SIGINT too
        Process holder = start(List.of("setsid"));
        List<Long> pids = awaitReady(holder);
        long group = holder.pid();
        assertThat(processGroupOf(group)).as("the holder leads its process group").isEqualTo(group);

        assertThat(new ProcessBuilder("kill", "-INT", "--", "-" + group).inheritIO().start().waitFor()).isZero();

        assertThat(holder.waitFor(3, TimeUnit.MINUTES)).as("the holder JVM exits").isTrue();
        assertStoppedInOrder(pids);
    }

    private void assertStoppedInOrder(List<Long> pids) throws Exception {
        List<String> events = Files.readAllLines(work.resolve("events"));
        assertThat(events).as("the service found what it needs after draining")
                .contains("service sees postgres up", "service sees kafka up", "service sees simulator up")
                .noneMatch(line -> line.endsWith(" DOWN"));
        assertThat(at(events, "service stopped")).isLessThan(at(events, "simulator stopping"));
        for (String infrastructure : List.of("kafka", "keycloak")) {
            assertThat(at(events, "simulator stopped")).isLessThan(at(events, infrastructure + " stopping"));
            assertThat(at(events, infrastructure + " stopped")).isLessThan(at(events, "postgres stopping"));
        }
        assertThat(events).contains("postgres stopped");

        List<Long> all = new ArrayList<>(pids);
        events.stream().filter(line -> line.contains(" started pid="))
                .map(line -> Long.parseLong(line.replaceAll(".* pid=(\\d+).*", "$1"))).forEach(all::add);
        assertThat(all).hasSize(6).noneMatch(StopOrderTest::alive);
    }

    private Process start(List<String> prefix) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(DevStack.javaExecutable().toString(), "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), StackHolderMain.class.getName(), work.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("holder.out").toFile())
                .start();
    }

    /** The holder's pid, PostgreSQL's and Kafka's, once every part has started. */
    private List<Long> awaitReady(Process holder) throws Exception {
        Path out = work.resolve("holder.out");
        while (holder.isAlive()) {
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith("READY ")) {
                    List<Long> pids = Arrays.stream(line.substring(6).split(" ")).map(Long::parseLong).toList();
                    assertThat(pids).allMatch(StopOrderTest::alive);
                    return pids;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the holder exited before it was ready: " + Files.readString(out));
    }

    private static int at(List<String> events, String line) {
        int index = events.indexOf(line);
        assertThat(index).as("'%s' in %s", line, events).isNotNegative();
        return index;
    }

    private static long processGroupOf(long pid) throws Exception {
        // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so count from its closing paren
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether SIGINT (signal 2) is in this process's ignored set (/proc/self/status, SigIgn, a hex mask). */
    private static boolean sigintIgnored() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> (mask & (1L << 1)) != 0);
    }
}
