package io.plugmate.vehicle.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Revoking OEM grants the platform no longer needs (docs/adr/0011). */
@ConfigMapping(prefix = "plugmate.revocations")
public interface RevocationConfig {

    /** How often grants waiting for revocation are sent to their OEM; 0 turns it off (tests call it themselves). */
    @WithDefault("30s")
    Duration tick();

    /** After a failed revocation, the wait before the next attempt: doubled per attempt, up to {@link #maxDelay()}. */
    @WithDefault("30s")
    Duration firstDelay();

    @WithDefault("1h")
    Duration maxDelay();

    /** At most this many revocations per round. */
    @WithDefault("20")
    int batchSize();

    /**
     * A revocation the OEM has not confirmed this long after it was queued is given up (deleted by the retention, with
     * its sealed token; only one that was tried at least once). By then the grant, unused since, is past the refresh
     * token lifetime of the OEMs we know (90 days of inactivity), so the row guards nothing but still holds a token.
     */
    @WithDefault("90d")
    Duration giveUpAfter();
}
