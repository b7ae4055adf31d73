package io.plugmate.device;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plugmate.polling")
public interface PollingConfig {

    /** The fallback for OEMs that do not push, or pushes that get lost. */
    @WithDefault("true")
    boolean enabled();

    /** How often the poller looks for quiet devices. */
    @WithDefault("30s")
    Duration tick();

    /**
     * A device silent for this long is asked for its state; each service sets its kind's (vehicles report every
     * ~2 min charging and ~7 min idle, chargers every 20-60 s and ~5 min).
     */
    Duration cadence();

    /** At most this many state reads per tick, to stay far below every OEM's rate limit. */
    @WithDefault("50")
    int batchSize();
}
