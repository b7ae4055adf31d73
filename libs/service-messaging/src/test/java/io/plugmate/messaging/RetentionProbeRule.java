package io.plugmate.messaging;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** A service's own rule, as a service declares one: the probe table's rows older than a day, except pinned ones. */
public class RetentionProbeRule {

    @Produces
    @Singleton
    RetentionRule probe() {
        return RetentionRule.olderThan("probe rows", "retention_probe", "at", Duration.ofDays(1)).and("not t.pinned");
    }
}
