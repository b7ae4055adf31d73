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

    /**
     * The most rows one round takes. A round costs the same few statements and one wait for the broker whatever its
     * size, and rounds follow one another while they come back full, so this bounds how fast a backlog goes out: 200
     * left the device services' relays behind their webhook intake (session 10). A round holds its rows in memory
     * (2,000 state events: about 1.5 MB) and its transaction open until the broker has acknowledged them.
     */
    @WithDefault("2000")
    int batchSize();

    /** Readiness goes DOWN once the relay has failed to publish for this long (Kafka unreachable). */
    @WithDefault("30s")
    Duration unhealthyAfter();

    /**
     * How long a send may wait for the topic's metadata ({@code max.block.ms}) before the round gives up until the next
     * tick: the sender thread waits, never the event loop.
     */
    @WithDefault("5s")
    Duration sendBlock();

    /**
     * A record the broker refuses for itself (too large, an invalid topic) is parked after this many rounds: kept in
     * the table with the reason, no longer sent, so the records behind it go on. A broker that cannot be reached
     * counts for nothing: nothing is parked because Kafka was down.
     */
    @WithDefault("5")
    int maxAttempts();
}
