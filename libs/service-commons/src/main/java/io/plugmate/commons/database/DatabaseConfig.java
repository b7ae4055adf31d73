package io.plugmate.commons.database;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plugmate.database.*}: what a request that meets a database outage is answered. */
@ConfigMapping(prefix = "plugmate.database")
public interface DatabaseConfig {

    /**
     * {@code Retry-After} of the 503 answered while the database is unavailable. A killed PostgreSQL was back within
     * ~20 s in the fault suite; callers that retry come back about when a restart would be done.
     */
    @WithDefault("10s")
    Duration unavailableRetryAfter();
}
