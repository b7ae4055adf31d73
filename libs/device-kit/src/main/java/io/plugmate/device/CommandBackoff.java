package io.plugmate.device;

import java.time.Duration;
import java.time.Instant;

/**
 * When a command the OEM did not take is sent again: after the OEM's {@code Retry-After} when it gave one (a 429's or a
 * 503's, honoured as it is), otherwise after {@code firstDelay × 2^(n−1)} for the n-th failed attempt, at most
 * {@code maxDelay}, jittered so that the commands of one storm do not all come back at once; never when the next
 * attempt would start after the command's deadline. Plain Java, fed the time and the random draw.
 */
final class CommandBackoff {

    private CommandBackoff() {
    }

    /**
     * @param failed how many attempts failed so far (≥ 1)
     * @param retryAfter what the OEM asked for, or null
     * @param draw a uniform random number in [0, 1)
     * @return how long to wait before the next attempt, or null: no attempt fits before the deadline
     */
    static Duration next(int failed, Duration retryAfter, Instant now, Instant deadline, CommandRetryConfig config,
            double draw) {
        Duration wait = retryAfter != null ? retryAfter : jittered(exponential(failed, config), config.jitter(), draw);
        return now.plus(wait).isBefore(deadline) ? wait : null;
    }

    static Duration exponential(int failed, CommandRetryConfig config) {
        Duration delay = config.firstDelay().multipliedBy(1L << Math.min(Math.max(failed - 1, 0), 20));
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }

    private static Duration jittered(Duration delay, double jitter, double draw) {
        double factor = 1 - jitter + 2 * jitter * draw;
        return Duration.ofNanos(Math.round(delay.toNanos() * factor));
    }
}
