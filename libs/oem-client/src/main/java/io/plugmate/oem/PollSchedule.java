package io.plugmate.oem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When to ask an OEM for a device's state: only when the device has been quiet (no push, no poll) for its vendor's
 * cadence, and never while that OEM account is rate-limited. Plain Java, fed the time, so the rules are unit-tested.
 */
public final class PollSchedule {

    private final Map<String, Instant> pausedUntil = new HashMap<>();

    /** @param lastSeen when we last heard from the device (null: never) */
    public boolean due(String account, Instant lastSeen, Duration cadence, Instant now) {
        Instant paused = pausedUntil.get(account);
        if (paused != null && now.isBefore(paused)) {
            return false;
        }
        return lastSeen == null || !now.isBefore(lastSeen.plus(cadence));
    }

    /**
     * The OEM answered 429: leave the account alone for Retry-After (at least a second, at most an hour, a minute when
     * not said).
     *
     * @return until when the account is paused (a longer pause already known is kept)
     */
    public Instant rateLimited(String account, Duration retryAfter, Instant now) {
        Duration pause = retryAfter == null ? Duration.ofMinutes(1)
                : retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                        : retryAfter.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : retryAfter;
        return pausedUntil.merge(account, now.plus(pause), (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean paused(String account, Instant now) {
        Instant paused = pausedUntil.get(account);
        return paused != null && now.isBefore(paused);
    }
}
