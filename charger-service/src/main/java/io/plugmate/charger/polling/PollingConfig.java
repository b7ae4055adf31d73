package io.plugmate.charger.polling;

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

    /** A charger silent for this long is asked for its state (chargers report every 20-60 s charging, ~5 min idle). */
    @WithDefault("5m")
    Duration cadence();

    /** At most this many state reads per tick, to stay far below every OEM's rate limit. */
    @WithDefault("50")
    int batchSize();
}
