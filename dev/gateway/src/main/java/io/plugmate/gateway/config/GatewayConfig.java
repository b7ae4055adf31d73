package io.plugmate.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plugmate.gateway.*}: where the services are and how much each API client may send. */
@ConfigMapping(prefix = "plugmate.gateway")
public interface GatewayConfig {

    /**
     * Base URL of every service the routing table names, e.g. {@code plugmate.gateway.upstreams."vehicle-service"=
     * http://localhost:8081}. A route whose service has no URL answers 503.
     */
    Map<String, URI> upstreams();

    RateLimit rateLimit();

    /** Longest request target (path and query) accepted; longer ones get a 414 problem. */
    @WithDefault("4096")
    int maxUriLength();

    /** How long an upstream may take to answer before the caller gets a 504 problem. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** The public base URL that the merged OpenAPI document names as its server. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Token buckets: one per API client (the token's azp/client_id), one per remote address on open paths. */
    interface RateLimit {

        /** Requests a client may make in a burst. */
        @WithDefault("100")
        long capacity();

        /** Requests added to a client's bucket per {@link #period()}. */
        @WithDefault("50")
        long refill();

        @WithDefault("1s")
        Duration period();
    }
}
