package io.plugmate.vehicle.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.plugmate.vehicle.domain.ChargeRateSource;
import io.plugmate.vehicle.domain.PowerDeliveryState;

/** The public Vehicle object, with Enode's field names (architecture §2). */
public record VehicleView(String id, String userId, String vendor, boolean isReachable, Instant lastSeen,
        Information information, ChargeState chargeState, Location location, Map<String, Capability> capabilities) {

    public record Information(String brand, String model, Integer year, String vin, String displayName) {
    }

    public record ChargeState(Double batteryLevel, Double range, Boolean isPluggedIn, Boolean isCharging,
            Boolean isFullyCharged, Double chargeRate, ChargeRateSource chargeRateSource, Double chargeLimit,
            Double maxCurrent, PowerDeliveryState powerDeliveryState, String pluggedInChargerId,
            Instant lastUpdated) {
    }

    public record Location(Double latitude, Double longitude, Instant lastUpdated) {
    }

    public record Capability(boolean isCapable, List<String> interventionIds) {
    }
}
