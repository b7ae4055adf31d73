package io.plugmate.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code plugmate.messaging.retention.*}: how long this library's own bookkeeping rows are kept, and how
 * {@link TableRetention} runs (also for the service's own {@link RetentionRule}s).
 */
@ConfigMapping(prefix = "plugmate.messaging.retention")
public interface RetentionConfig {

    /** How often the clean-up runs; 0 = never. */
    @WithDefault("1h")
    Duration interval();

    /**
     * Inbox marks ({@code processed_event}) older than this are deleted. It must exceed how far back a record can be
     * delivered again (the topics' retention, 7 days by default): a record redelivered after its mark is gone would be
     * applied twice.
     */
    @WithDefault("30d")
    Duration processedEvents();

    /**
     * Settled commands ({@code device_command}: not SENDING or ACCEPTED) older than this are deleted. A command
     * delivered again after that is long past its deadline and is settled TIMED_OUT without reaching the OEM.
     */
    @WithDefault("30d")
    Duration commands();

    /** Parked outbox rows (kept for inspection, with their reason) older than this are deleted. */
    @WithDefault("30d")
    Duration parkedEvents();

    /** At most this many rows per delete statement (each its own transaction), so none holds locks for long. */
    @WithDefault("1000")
    int batchSize();
}
