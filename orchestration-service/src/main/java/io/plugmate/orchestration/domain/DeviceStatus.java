package io.plugmate.orchestration.domain;

import java.time.Instant;

/**
 * A device's latest reported state. {@code observedAt} is the device's own clock (event time); every other field may
 * be null: unknown.
 */
public record DeviceStatus(Instant observedAt, Boolean isPluggedIn, Boolean isCharging, Double maxCurrentA) {

    public static DeviceStatus unknown() {
        return new DeviceStatus(null, null, null, null);
    }

    /** Whether this report was measured after {@code other} by the device's clock (an unknown time never is). */
    public boolean newerThan(Instant other) {
        return observedAt != null && (other == null || observedAt.isAfter(other));
    }
}
