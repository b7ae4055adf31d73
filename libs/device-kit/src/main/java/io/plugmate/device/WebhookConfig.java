package io.plugmate.device;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plugmate.webhooks")
public interface WebhookConfig {

    /** The secret our receivers were registered with at the OEMs (HMAC-SHA256 key); from a Secret. */
    String secret();

    /** How far a signature's timestamp may be from our clock; older deliveries are refused as replays. */
    @WithDefault("5m")
    Duration tolerance();

    /** Register our receiver with every relevant OEM at start-up (idempotent). */
    @WithDefault("false")
    boolean registerOnStart();

    /** This service as the OEMs reach it. */
    String publicBaseUrl();
}
