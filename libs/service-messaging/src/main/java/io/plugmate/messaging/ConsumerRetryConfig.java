package io.plugmate.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plugmate.consumers.retry.*}: the back-off of {@link RetriedInPlace}. */
@ConfigMapping(prefix = "plugmate.consumers.retry")
public interface ConsumerRetryConfig {

    /** The wait before the first retry; each further one doubles it (with 20 % jitter). */
    @WithDefault("200ms")
    Duration firstDelay();

    /** The longest wait between two attempts: a cleared outage is noticed within this. */
    @WithDefault("30s")
    Duration maxDelay();
}
