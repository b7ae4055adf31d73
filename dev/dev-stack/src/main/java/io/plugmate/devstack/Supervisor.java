package io.plugmate.devstack;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Keeps the stack of {@code ./plugmate run} up, as Kubernetes would: every second it looks at each part (PostgreSQL,
 * Kafka, Keycloak, every service); one that is no longer running is reported by name and restarted after its
 * {@link RestartPolicy}'s back-off. A part that keeps dying stops the whole stack with a message that says which and
 * where its log is, rather than leaving a half-working stack behind.
 */
final class Supervisor {

    /**
     * A part under watch.
     *
     * @param restart starts the part again and waits until it is ready; throws if it cannot
     */
    record Watched(String name, BooleanSupplier alive, Runnable restart, String log, RestartPolicy policy) {
    }

    private final List<Watched> watched = new CopyOnWriteArrayList<>();
    private final BooleanSupplier stopping;
    private final Runnable stopStack;
    private final Clock clock;

    Supervisor(BooleanSupplier stopping, Runnable stopStack, Clock clock) {
        this.stopping = stopping;
        this.stopStack = stopStack;
        this.clock = clock;
    }

    void watch(String name, BooleanSupplier alive, Runnable restart, String log, RestartPolicy policy) {
        watched.add(new Watched(name, alive, restart, log, policy.copy()));
    }

    /** Checks every second on a thread of its own until the stack stops. */
    Thread start(Duration interval, Runnable eachRound) {
        return Thread.ofVirtual().name("plugmate-supervisor").start(() -> {
            while (!stopping.getAsBoolean()) {
                eachRound.run();
                checkOnce();
                if (!sleep(interval)) {
                    return;
                }
            }
        });
    }

    /** One look at every part; a dead one is restarted (or the stack stopped) before the next is looked at. */
    void checkOnce() {
        for (Watched part : watched) {
            if (stopping.getAsBoolean()) {
                return;
            }
            if (!part.alive().getAsBoolean()) {
                recover(part);
            }
        }
    }

    private void recover(Watched part) {
        while (!stopping.getAsBoolean()) {
            RestartPolicy.Decision decision = part.policy().onDeath(clock.instant());
            if (decision.giveUp()) {
                Console.warn(part.name() + " stopped running " + decision.attempt() + " times within "
                        + part.policy().window().toMinutes() + " min: stopping the whole stack. See " + part.log());
                stopStack.run();
                return;
            }
            Console.warn(part.name() + " is not running any more: restarting it in "
                    + Console.seconds(decision.delay()) + " (attempt " + decision.attempt() + " of "
                    + part.policy().maxRestarts() + "). See " + part.log());
            if (!sleep(decision.delay()) || stopping.getAsBoolean()) {
                return;
            }
            long begin = System.nanoTime();
            try {
                part.restart().run();
                Console.info(part.name() + " is back (ready in "
                        + Console.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ")");
                return;
            } catch (RuntimeException e) {
                Console.warn(part.name() + " did not come back: " + e.getMessage());
            }
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
