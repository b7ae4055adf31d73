package io.plugmate.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plugmate.outbox")
public interface OutboxConfig {

    /** Off only in tests that check what sits in the outbox before it is relayed. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for committed events; also the worst-case added publishing latency. */
    @WithDefault("100ms")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** Readiness goes DOWN once the relay has failed to publish for this long (Kafka unreachable). */
    @WithDefault("30s")
    Duration unhealthyAfter();
}
