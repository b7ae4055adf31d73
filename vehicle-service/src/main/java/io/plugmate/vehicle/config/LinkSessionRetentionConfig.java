package io.plugmate.vehicle.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plugmate.link-sessions.*}: how long a link session is kept after it expired. */
@ConfigMapping(prefix = "plugmate.link-sessions")
public interface LinkSessionRetentionConfig {

    /**
     * A session is deleted this long after its {@code expires_at}, whether it completed, failed or was abandoned (a
     * completed one completed before it expired): long enough for a client to read how a link ended.
     */
    @WithDefault("7d")
    Duration retention();
}
