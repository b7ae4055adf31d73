package io.plugmate.vehicle.link;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plugmate.link")
public interface LinkConfig {

    /** This service as the end user's browser reaches it (behind the gateway in production). */
    String publicBaseUrl();

    /** How long a link URL stays usable; Enode uses minutes, not hours. */
    @WithDefault("15m")
    Duration sessionTtl();
}
