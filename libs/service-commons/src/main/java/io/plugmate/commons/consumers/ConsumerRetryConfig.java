package io.plugmate.commons.consumers;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code plugmate.consumers.retry.*}: the back-off with which every consumer of a service retries a record it could not
 * apply for a reason other than the record itself — service-messaging's {@code @RetriedInPlace} channels and the
 * client-features reader alike.
 */
@ConfigMapping(prefix = "plugmate.consumers.retry")
public interface ConsumerRetryConfig {

    /** The wait before the first retry; each further one doubles it (with 20 % jitter). */
    @WithDefault("200ms")
    Duration firstDelay();

    /** The longest wait between two attempts: a cleared outage is noticed within this. */
    @WithDefault("30s")
    Duration maxDelay();

    /** The wait after the given number of failed attempts (1 = the first retry): doubling, at most {@link #maxDelay}. */
    default Duration delayAfter(int failures) {
        Duration delay = firstDelay();
        for (int i = 1; i < failures && delay.compareTo(maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay()) > 0 ? maxDelay() : delay;
    }
}
