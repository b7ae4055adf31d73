package io.plugmate.simulator.oem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.plugmate.simulator.config.SimulatorConfig;
import io.plugmate.simulator.domain.Vendor;

/**
 * Sliding-window request limit per access token, like OEM clouds enforce. Wall-clock based: it protects the
 * simulated cloud from the platform's real request rate, whatever the simulation speed.
 */
@Singleton
public class RateLimiter {

    private final long windowNanos;
    private final SimulatorConfig.RateLimit config;
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

    public RateLimiter(SimulatorConfig config) {
        this.config = config.rateLimit();
        this.windowNanos = this.config.window().toNanos();
    }

    public int limitFor(Vendor vendor) {
        if (config.maxRequests().isPresent()) {
            return config.maxRequests().getAsInt();
        }
        // vendors state their limits per minute
        return (int) Math.max(1, Math.round(vendor.requestsPerMinute() * config.window().toSeconds() / 60.0));
    }

    /** Records the request and returns empty, or returns the seconds to wait when the limit is reached. */
    public OptionalLong acquire(String token, Vendor vendor) {
        Deque<Long> window = windows.computeIfAbsent(token, k -> new ArrayDeque<>());
        synchronized (window) {
            long now = System.nanoTime();
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.pollFirst();
            }
            if (window.size() >= limitFor(vendor)) {
                long waitNanos = windowNanos - (now - window.peekFirst());
                return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            }
            window.addLast(now);
            return OptionalLong.empty();
        }
    }
}
