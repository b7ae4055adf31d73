package io.plugmate.charger.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.plugmate.charger.domain.PowerDeliveryState;
import io.plugmate.charger.persistence.ChargerEntity;

/** The public Charger object, with Enode's field names (ARCHITECTURE §2). */
public record ChargerView(String id, String userId, String vendor, boolean isReachable, Instant lastSeen,
        Information information, ChargeState chargeState, Location location, Map<String, Capability> capabilities) {

    public record Information(String brand, String model, Integer year, String serialNumber, String displayName) {
    }

    public record ChargeState(Boolean isPluggedIn, Boolean isCharging, Double chargeRate, Double maxCurrent,
            PowerDeliveryState powerDeliveryState, String pluggedInVehicleId, Instant lastUpdated) {
    }

    public record Location(Double latitude, Double longitude) {
    }

    public record Capability(boolean isCapable, List<String> interventionIds) {
    }

    static ChargerView of(ChargerEntity c) {
        var chargeState = new ChargeState(c.isPluggedIn, c.isCharging, c.chargeRateKw, c.maxCurrentA,
                PowerDeliveryState.of(c.isPluggedIn, c.isCharging), c.pluggedInVehicleId, c.stateObservedAt);
        var location = c.latitude == null || c.longitude == null ? null : new Location(c.latitude, c.longitude);
        Map<String, Capability> capabilities = new LinkedHashMap<>();
        capabilities.put("information", new Capability(true, List.of()));
        capabilities.put("chargeState", new Capability(true, List.of()));
        capabilities.put("startCharging", new Capability(c.canStartCharging, List.of()));
        capabilities.put("stopCharging", new Capability(c.canStopCharging, List.of()));
        capabilities.put("setMaxCurrent", new Capability(c.canSetMaxCurrent, List.of()));
        return new ChargerView(c.id.toString(), c.userId, c.vendor, c.isReachable, c.lastSeen,
                new Information(c.brand, c.model, c.year, c.serialNumber, c.displayName), chargeState, location,
                capabilities);
    }
}
