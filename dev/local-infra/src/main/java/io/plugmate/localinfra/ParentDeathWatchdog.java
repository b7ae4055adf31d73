package io.plugmate.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tiny shell process that waits for EOF on its standard input — which happens when this JVM exits, however it exits
 * — and then stops a daemonized server process and optionally deletes a directory. It is how a killed build leaves
 * nothing running.
 */
public final class ParentDeathWatchdog implements AutoCloseable {

    // Ctrl-C in a terminal reaches this shell too (same process group): ignored, so it still guards the server while
    // the owner stops things in order. cat inherits the ignored signal.
    private static final String SCRIPT = """
            trap '' INT
            cat > /dev/null
            kill -"$3" "$1" 2>/dev/null
            for _ in $(seq 1 20); do kill -0 "$1" 2>/dev/null || break; sleep 1; done
            kill -KILL "$1" 2>/dev/null
            if [ -n "$2" ]; then
              # backends may still be writing for a moment after the postmaster is gone
              for _ in 1 2 3 4 5; do rm -rf "$2" 2>/dev/null; [ -e "$2" ] || break; sleep 1; done
            fi
            """;

    private final Process process;
    private final long guardedPid;

    private ParentDeathWatchdog(Process process, long guardedPid) {
        this.process = process;
        this.guardedPid = guardedPid;
    }

    /** Guards a server that stops on SIGINT (PostgreSQL: a fast shutdown), deleting a directory afterwards if given. */
    public static ParentDeathWatchdog guard(long pid, Path deleteAfterwards) {
        return guard(pid, deleteAfterwards, "INT");
    }

    /**
     * Guards a JVM (a service, the simulator): it is stopped with SIGTERM, which runs the same shutdown as SIGINT. A JVM
     * started from a background job (a CI step, {@code cmd &}) inherits SIGINT ignored and never sees it: the fault
     * suite's replay row waited the full 20 s for each of five services, then killed them, their groups left to the
     * session timeout.
     */
    public static ParentDeathWatchdog guardJvm(long pid) {
        return guard(pid, null, "TERM");
    }

    private static ParentDeathWatchdog guard(long pid, Path deleteAfterwards, String signal) {
        try {
            Process process = new ProcessBuilder("sh", "-c", SCRIPT, "watchdog", Long.toString(pid),
                    deleteAfterwards == null ? "" : deleteAfterwards.toString(), signal)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ParentDeathWatchdog(process, pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long guardedPid() {
        return guardedPid;
    }

    /** Triggers the watchdog now (normal shutdown) and waits for it to finish its clean-up. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
