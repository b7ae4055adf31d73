package io.plugmate.charger.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.plugmate.charger.domain.PowerDeliveryState;
import io.plugmate.charger.persistence.ChargerEntity;

/** The public Charger object, with Enode's field names (architecture §2). */
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

    /** Enode's intervention id for "the user must link this account again". */
    static final String RELINK = "relink-oem-account";

    /** A capability the charger has natively but cannot use until the user acts carries the intervention. */
    private static Capability capable(boolean native_, ChargerEntity c) {
        return c.needsRelink() && native_ ? new Capability(false, List.of(RELINK)) : new Capability(native_, List.of());
    }

    static ChargerView of(ChargerEntity c) {
        var chargeState = new ChargeState(c.isPluggedIn, c.isCharging, c.chargeRateKw, c.maxCurrentA,
                PowerDeliveryState.of(c.isPluggedIn, c.isCharging), c.pluggedInVehicleId, c.stateObservedAt);
        var location = c.latitude == null || c.longitude == null ? null : new Location(c.latitude, c.longitude);
        Map<String, Capability> capabilities = new LinkedHashMap<>();
        capabilities.put("information", capable(true, c));
        capabilities.put("chargeState", capable(true, c));
        capabilities.put("startCharging", capable(c.canStartCharging, c));
        capabilities.put("stopCharging", capable(c.canStopCharging, c));
        capabilities.put("setMaxCurrent", capable(c.canSetMaxCurrent, c));
        return new ChargerView(c.id.toString(), c.userId, c.vendor, c.isReachable && !c.needsRelink(), c.lastSeen,
                new Information(c.brand, c.model, c.year, c.serialNumber, c.displayName), chargeState, location,
                capabilities);
    }
}
