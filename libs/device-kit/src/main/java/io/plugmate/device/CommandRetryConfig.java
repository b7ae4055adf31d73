package io.plugmate.device;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a device command is sent again when the OEM throttles it (429), fails (5xx) or gives no answer: within the
 * command's deadline, after the OEM's {@code Retry-After} when it gives one, else after an exponential back-off with
 * jitter ({@link CommandBackoff}).
 */
@ConfigMapping(prefix = "plugmate.commands.retry")
public interface CommandRetryConfig {

    /** The wait after the first failed attempt when the OEM asks for none; doubled after each further one. */
    @WithDefault("1s")
    Duration firstDelay();

    /** The longest wait between two attempts when the OEM asks for none. */
    @WithDefault("30s")
    Duration maxDelay();

    /** Each back-off is taken at random between (1 − jitter) and (1 + jitter) times itself (0 … 1). */
    @WithDefault("0.5")
    double jitter();

    /** How long one attempt waits for the OEM's answer; no answer in time is an unknown outcome, sent again. */
    @WithDefault("10s")
    Duration attemptTimeout();

    /** How long a command without a deadline is tried (orchestration always sets one). */
    @WithDefault("10m")
    Duration withoutDeadline();

    /**
     * How often (and once at start-up) {@code CommandResumption} looks for commands whose next attempt is due while no
     * instance makes it — the one making them died — and makes it, or fails the command past its deadline; 0 = never.
     */
    @WithDefault("10s")
    Duration resumeInterval();

    /**
     * How long an instance holds a command it is about to send (waiting for the device's command in flight, then the
     * attempt itself) before another may take it over: three attempt timeouts.
     */
    default Duration lease() {
        return attemptTimeout().multipliedBy(3);
    }
}
