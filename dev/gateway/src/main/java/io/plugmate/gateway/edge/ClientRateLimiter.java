package io.plugmate.gateway.edge;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.plugmate.gateway.config.GatewayConfig;

/**
 * One token bucket per caller (Bucket4j), kept while the caller is active (Caffeine evicts buckets idle for longer
 * than a full refill would take, so an evicted bucket would have been full anyway).
 */
@ApplicationScoped
public class ClientRateLimiter {

    private final GatewayConfig.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(GatewayConfig config) {
        this.limit = config.rateLimit();
        Duration refillAll = limit.period().multipliedBy(Math.max(1, limit.capacity() / Math.max(1, limit.refill())) + 1);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refillAll).maximumSize(100_000).build();
    }

    /** Takes one request from the caller's bucket; empty when it may go on, else how long until it may retry. */
    public Optional<Duration> acquire(String caller) {
        ConsumptionProbe probe = buckets.get(caller, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()))
                .build();
    }
}
