package io.plugmate.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to restart a part that died, and when to give up: the delay doubles with each death inside the window (1 s,
 * 2 s, 4 s … up to the cap); more deaths than {@code maxRestarts} inside the window means the part cannot stay up
 * (a broken build, a port taken by something else), and restarting it forever would only hide that.
 */
final class RestartPolicy {

    /** What to do about one death. */
    record Decision(boolean giveUp, Duration delay, int attempt) {
    }

    static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(10));

    private final Duration first;
    private final Duration cap;
    private final int maxRestarts;
    private final Duration window;
    private final Deque<Instant> deaths = new ArrayDeque<>();

    RestartPolicy(Duration first, Duration cap, int maxRestarts, Duration window) {
        this.first = first;
        this.cap = cap;
        this.maxRestarts = maxRestarts;
        this.window = window;
    }

    /** A fresh policy with the same settings, for another part. */
    RestartPolicy copy() {
        return new RestartPolicy(first, cap, maxRestarts, window);
    }

    Decision onDeath(Instant at) {
        while (!deaths.isEmpty() && deaths.peekFirst().isBefore(at.minus(window))) {
            deaths.removeFirst();
        }
        deaths.addLast(at);
        int attempt = deaths.size();
        if (attempt > maxRestarts) {
            return new Decision(true, Duration.ZERO, attempt);
        }
        Duration delay = first.multipliedBy(1L << Math.min(attempt - 1, 20));
        return new Decision(false, delay.compareTo(cap) > 0 ? cap : delay, attempt);
    }

    int maxRestarts() {
        return maxRestarts;
    }

    Duration window() {
        return window;
    }
}
