package io.plugmate.device;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * A background round on the Vert.x timer (polling, follow-up, re-sync, credential upkeep …): one every interval, never
 * two at once (a round slower than the interval skips the next tick instead of overlapping), failures logged, stopped
 * at shutdown.
 * <p>
 * A timer fires on the event loop's root context, where Hibernate Reactive and Panache refuse to work ("the current
 * context is not a duplicated context"). Each round therefore runs on a new duplicated context of its own, flagged
 * safe, as Quarkus does for a request or a {@code @Scheduled} method: its session lives and dies with the round.
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
        return start(vertx, interval, log, what, round, false);
    }

    /** @param now also one round at once, not only after the first interval (e.g. a start-up pass) */
    public static PeriodicRound start(Vertx vertx, Duration interval, Logger log, String what,
            Supplier<Uni<? extends Integer>> round, boolean now) {
        AtomicBoolean running = new AtomicBoolean();
        Consumer<Long> tick = id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(round)
                    .onTermination().invoke(() -> running.set(false)).subscribe().with(
                            handled -> log.debugf("%s: %d", what, handled),
                            failure -> log.warnf("%s failed: %s", what, failure.getMessage())));
        };
        long timer = vertx.setPeriodic(interval.toMillis(), tick);
        if (now) {
            vertx.setTimer(1, tick);
        }
        return new PeriodicRound(vertx, timer);
    }

    public void stop() {
        vertx.cancelTimer(timer);
    }
}
