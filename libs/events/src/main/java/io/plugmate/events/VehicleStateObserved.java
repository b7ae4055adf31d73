package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A vehicle's state as its OEM measured it at {@code observedAt} (event time). Every state field may be null: unknown.
 */
public record VehicleStateObserved(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String vehicleId, String vendor, Instant observedAt, Boolean isPluggedIn, Boolean isCharging,
        Double chargeRateKw, Double batteryLevel, GeoLocation location)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;
}
