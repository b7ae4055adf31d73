package io.plugmate.vehicle.config;

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

    /**
     * How often grants of accounts linked for chargers are checked for an access token about to expire; charger-service
     * only ever has the token we last announced (docs/adr/0004). 0 turns it off (tests call it themselves).
     */
    @WithDefault("1m")
    Duration credentialUpkeepTick();

    /** A token of such an account expiring within this is refreshed (and the new one announced) ahead of time. */
    @WithDefault("10m")
    Duration credentialUpkeepLookahead();
}
