package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A vehicle's state as its OEM measured it at {@code observedAt} (event time). Every state field may be null: unknown.
 * {@code maxCurrentA} (schema 2) is the charge current limit the vehicle reports, for vendors that have one.
 */
public record VehicleStateObserved(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String vehicleId, String vendor, Instant observedAt, Boolean isPluggedIn, Boolean isCharging,
        Double chargeRateKw, Double batteryLevel, GeoLocation location, Double maxCurrentA)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 2;

    @JsonCreator
    public VehicleStateObserved {
    }

    /** Schema 1's shape: the current limit unknown. */
    public VehicleStateObserved(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            String vehicleId, String vendor, Instant observedAt, Boolean isPluggedIn, Boolean isCharging,
            Double chargeRateKw, Double batteryLevel, GeoLocation location) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, vehicleId, vendor, observedAt, isPluggedIn,
                isCharging, chargeRateKw, batteryLevel, location, null);
    }
}
