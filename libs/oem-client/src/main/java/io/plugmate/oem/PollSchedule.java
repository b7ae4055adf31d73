package io.plugmate.oem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Which OEM accounts to leave alone: an account whose OEM answered 429 is not asked again before its Retry-After. Which
 * devices are due is the device table's own claim ({@code poll_due_at}, shared by every instance), not decided here.
 * Plain Java, fed the time, so the rules are unit-tested.
 */
public final class PollSchedule {

    private final Map<String, Instant> pausedUntil = new HashMap<>();

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
