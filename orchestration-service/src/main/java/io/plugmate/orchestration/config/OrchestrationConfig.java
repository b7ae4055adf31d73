package io.plugmate.orchestration.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** {@code plugmate.orchestration.*}: how long actions may stay PENDING, how transient failures are retried. */
@ConfigMapping(prefix = "plugmate.orchestration")
public interface OrchestrationConfig {

    Deadlines deadlines();

    Retry retry();

    /** How often deadlines and due retries are looked for; also how late, at most, a deadline is noticed. */
    @WithDefault("1s")
    Duration tick();

    /** Due actions handled per tick (each in its own transaction). */
    @WithDefault("100")
    int batchSize();

    interface Deadlines {

        /** For vendors without their own: how long a command may take to show in the device's reported state. */
        @WithName("default")
        @WithDefault("PT10M")
        Duration defaultDeadline();

        /** By vendor of the device executing the command, e.g. {@code deadlines.vendors.DORMIO=PT20M}. */
        Map<String, Duration> vendors();
    }

    interface Retry {

        /** Attempts in all (the first included) when the OEM fails transiently (5xx, 429, unreachable). */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before attempt 2; doubled for each further attempt. */
        @WithDefault("10s")
        Duration backoff();
    }
}
