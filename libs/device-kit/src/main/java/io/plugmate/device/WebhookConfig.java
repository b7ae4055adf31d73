package io.plugmate.device;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plugmate.webhooks")
public interface WebhookConfig {

    /**
     * Per vendor (upper case, as in {@code plugmate.oem.vendors}), the secret our receiver is registered with at that
     * vendor (HMAC-SHA256 key); from a Secret. One key per vendor: a vendor (or a leak at one) can sign only its own
     * deliveries. A vendor without one gets no webhooks (401; polling covers it).
     */
    Map<String, String> secrets();

    /** How far a signature's timestamp may be from our clock; older deliveries are refused as replays. */
    @WithDefault("5m")
    Duration tolerance();

    /**
     * How long a recorded delivery ({@code webhook_delivery}) is kept: the window in which an OEM's retry of the same
     * delivery is recognised. It must exceed the OEMs' retry span (Enode retries for 26 hours); a retry after it is
     * applied as a new delivery, and its report, already observed, changes nothing.
     */
    @WithDefault("3d")
    Duration deliveryRetention();

    /**
     * The {@code Retry-After} of a 503 answered while the database is unavailable (the delivery could not be stored;
     * the OEM sends it again, Enode up to 16 times over 26 hours), or while the intake is at capacity
     * ({@link Batches#maxWaiting()}: the retry comes when the queue has long drained, spread over the OEMs' schedules).
     */
    @WithDefault("30s")
    Duration unavailableRetryAfter();

    /** Register our receiver with every relevant OEM at start-up (idempotent). */
    @WithDefault("false")
    boolean registerOnStart();

    /** This service as the OEMs reach it. */
    String publicBaseUrl();

    /** How verified deliveries share transactions (group commit, issue 14). */
    Batches batches();

    /**
     * Each transaction costs the database and the reactive stack round trips of their own (begin, commit, the flush
     * around each statement): under load, the deliveries waiting when a batch starts are recorded and applied in one
     * transaction. No timer: a delivery arriving while a slot is free starts a batch at once, alone if it is alone.
     */
    interface Batches {

        /** The most deliveries one transaction takes; the rest wait for the next batch. 1: every delivery alone. */
        @WithDefault("64")
        int maxSize();

        /**
         * How many batches run at once, each on a connection of its own; deliveries arriving while all run wait for
         * the next. More spreads a burst over more connections, fewer makes larger batches.
         */
        @WithDefault("2")
        int inFlight();

        /**
         * The most deliveries that wait for a batch; one arriving while that many wait is answered 503 with
         * {@code Retry-After} ({@link WebhookConfig#unavailableRetryAfter()}) and nothing of it is stored: under
         * overload the queue (memory, and each delivery's wait) stays bounded, and the OEM sends the delivery again.
         * 2000 is roughly a second of the intake at its measured saturation (~1,500–2,000 deliveries/s): a burst
         * that long is absorbed, a longer overload is shed rather than held.
         */
        @WithDefault("2000")
        int maxWaiting();
    }

    /** The secret of a vendor, by the vendor's name in any case. */
    default Optional<String> secretOf(String vendor) {
        return Optional.ofNullable(secrets().get(vendor.toUpperCase(java.util.Locale.ROOT)))
                .filter(secret -> !secret.isBlank());
    }
}
