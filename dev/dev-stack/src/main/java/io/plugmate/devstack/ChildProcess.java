package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process started by the dev stack, wrapped in a {@link Watchdog}, its output in one log file. */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile) {
        try {
            LogFiles.fresh(logFile);
            ProcessBuilder builder = new ProcessBuilder(Watchdog.wrap(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.to(logFile.toFile()));
            // stdin stays a pipe: it is the watchdog's lifeline
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), logFile);
            child.process.onExit().thenRun(child::onExit);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private void onExit() {
        closeLifeline();
        if (!stopping) {
            Console.warn(name + " exited unexpectedly (exit code " + process.exitValue() + "); see " + logFile);
        }
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(Watchdog.GRACE_SECONDS + 5));
    }

    /** Closing stdin makes the watchdog SIGTERM the command; whatever is left after the grace period is killed. */
    void stop(Duration grace) {
        stopping = true;
        // the tree is needed if the watchdog itself does not make it: its children would be re-parented
        List<ProcessHandle> tree = process.descendants().toList();
        closeLifeline();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Console.warn(name + " did not stop within " + grace.toSeconds() + " s; killing it");
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void closeLifeline() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed: nothing to signal
        }
    }
}
