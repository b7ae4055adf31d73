package io.plugmate.devstack;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command so that it dies with the dev-stack JVM, even a SIGKILLed one.
 *
 * <p>
 * The wrapper shell holds the read end of a pipe whose write end only the dev-stack JVM holds (the
 * child's stdin). When that JVM goes away, however it goes, the kernel closes the pipe, {@code cat}
 * sees end-of-file, and the wrapper sends SIGTERM to the command's process group, then SIGKILL to
 * whatever is left of it after the grace period. When the command exits on its own, leftovers of its
 * group are reaped the same way. Closing the pipe on purpose is also how the dev stack
 * stops a child, so the graceful path and the crash path are the same code.
 */
final class Watchdog {

    static final int GRACE_SECONDS = 30;

    // $1 = grace in tenths of a second, $2.. = the command. The command runs in its own process group
    // (setsid) so that its whole tree is signalled, e.g. kc.sh and the JVM it starts. Background lists in
    // a non-interactive sh get /dev/null as stdin, hence fd 3 for the lifeline. Ctrl-C (SIGINT to the
    // terminal's process group, which includes this wrapper) is ignored: the dev-stack JVM stops the
    // children itself, in reverse start order.
    private static final String SCRIPT = """
            grace=$1
            shift
            trap '' INT HUP
            exec 3<&0 </dev/null
            if command -v setsid >/dev/null 2>&1; then
              setsid "$@" 3<&- &
              child=$!
              target=-$child
            else
              "$@" 3<&- &
              child=$!
              target=$child
            fi
            reap() {
              kill -TERM $target 2>/dev/null
              n=0
              while kill -0 $target 2>/dev/null; do
                n=$((n + 1))
                if [ $n -gt $grace ]; then kill -KILL $target 2>/dev/null; fi
                sleep 0.1
              done
            }
            trap 'kill -TERM $target 2>/dev/null' TERM
            ( cat <&3 >/dev/null 2>&1; reap ) &
            guard=$!
            exec 3<&-
            # wait at least once (the shell may have reaped a fast child already and keeps its status),
            # again while a trapped signal interrupted the wait
            wait $child
            status=$?
            while kill -0 $child 2>/dev/null; do
              wait $child
              status=$?
            done
            reap
            kill $guard 2>/dev/null
            exit $status
            """;

    private Watchdog() {
    }

    static List<String> wrap(List<String> command) {
        return wrap(command, GRACE_SECONDS);
    }

    static List<String> wrap(List<String> command, int graceSeconds) {
        List<String> wrapped = new ArrayList<>(
                List.of("/bin/sh", "-c", SCRIPT, "plugmate-watchdog", Integer.toString(graceSeconds * 10)));
        wrapped.addAll(command);
        return wrapped;
    }
}
