package io.plugmate.orchestration.domain;

import java.time.Duration;
import java.util.Map;

/**
 * How long an action may stay PENDING, by the vendor of the device that executes it (clouds differ: a sleeping car
 * needs a minute to wake), and how transient OEM failures are retried within that time: attempt n+1 is dispatched
 * {@code backoff × 2^(n-1)} after attempt n failed, at most {@code maxAttempts} in all, never after the deadline.
 */
public record Policies(Duration defaultDeadline, Map<String, Duration> vendorDeadlines, int maxAttempts,
        Duration backoff) {

    public Policies {
        vendorDeadlines = Map.copyOf(vendorDeadlines);
    }

    Duration deadlineFor(String vendor) {
        return vendor == null ? defaultDeadline : vendorDeadlines.getOrDefault(vendor, defaultDeadline);
    }

    String deadlineRule(String vendor) {
        return vendor != null && vendorDeadlines.containsKey(vendor)
                ? "%s for %s devices".formatted(vendorDeadlines.get(vendor), vendor)
                : "%s (default)".formatted(defaultDeadline);
    }

    Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
