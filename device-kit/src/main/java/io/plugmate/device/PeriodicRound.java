package io.plugmate.device;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * A background round on the Vert.x timer (polling, follow-up, re-sync …): one every interval, never two at once (a
 * round slower than the interval skips the next tick instead of overlapping), failures logged, stopped at shutdown.
 */
public final class PeriodicRound {

    private final Vertx vertx;
    private final long timer;

    private PeriodicRound(Vertx vertx, long timer) {
        this.vertx = vertx;
        this.timer = timer;
    }

    /** @param round returns how many things it handled, for the debug log */
    public static PeriodicRound start(Vertx vertx, Duration interval, Logger log, String what,
            Supplier<Uni<? extends Integer>> round) {
        AtomicBoolean running = new AtomicBoolean();
        long timer = vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Uni.createFrom().deferred(round).onTermination().invoke(() -> running.set(false)).subscribe().with(
                    handled -> log.debugf("%s: %d", what, handled),
                    failure -> log.warnf("%s failed: %s", what, failure.getMessage()));
        });
        return new PeriodicRound(vertx, timer);
    }

    public void stop() {
        vertx.cancelTimer(timer);
    }
}
