package io.plugmate.charger.api;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.charger.domain.ChargerScopes;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.device.CapabilityView;
import io.plugmate.device.DeviceTimestamps;
import io.plugmate.device.PowerDeliveryState;

/**
 * The public Charger object, with Enode's field names (architecture §2). Two clocks meet here, each field says which:
 * {@code lastSeen} is the platform's wall clock, {@code lastUpdated} the OEM's measurement time (simulated time in the
 * local stack, whose simulator runs faster than the wall clock).
 */
public record ChargerView(String id, String userId, String vendor, boolean isReachable,
        @Schema(description = DeviceTimestamps.LAST_SEEN) Instant lastSeen, Information information,
        @Schema(description = "The charger's state as it last reported it; null when the link did not grant the "
                + "charger:read:data scope.") ChargeState chargeState,
        Location location,
        @Schema(description = "Without the charger:control:charging scope the charger offers no charging control of "
                + "its own (startCharging, stopCharging, setMaxCurrent, setMaxPower not capable, unless unlocked "
                + "through a pair).") Map<String, CapabilityView> capabilities) {

    public record Information(String brand, String model, Integer year, String serialNumber, String displayName) {
    }

    public record ChargeState(Boolean isPluggedIn, Boolean isCharging, Double chargeRate, Double maxCurrent,
            PowerDeliveryState powerDeliveryState, String pluggedInVehicleId,
            @Schema(description = DeviceTimestamps.LAST_UPDATED) Instant lastUpdated) {
    }

    public record Location(Double latitude, Double longitude) {
    }

    static ChargerView of(ChargerEntity c) {
        // no readings without charger:read:data (docs/adr/0012)
        var chargeState = !ChargerScopes.allows(c.grantedScopes, ChargerScopes.READ) ? null
                : new ChargeState(c.isPluggedIn, c.isCharging, c.chargeRateKw, c.maxCurrentA,
                        PowerDeliveryState.of(c.isPluggedIn, c.isCharging), c.pluggedInVehicleId, c.stateObservedAt);
        var location = c.latitude == null || c.longitude == null ? null : new Location(c.latitude, c.longitude);
        return new ChargerView(c.id.toString(), c.userId, c.vendor, c.isReachable && !c.needsRelink(), c.lastSeen,
                new Information(c.brand, c.model, c.year, c.serialNumber, c.displayName), chargeState, location,
                capabilities(c));
    }

    /**
     * A power limit is native where the charger takes a current limit and its phases and voltage are known
     * (orchestration converts); anything may be unlocked through a pair instead ({@link CapabilityView}).
     */
    private static Map<String, CapabilityView> capabilities(ChargerEntity c) {
        boolean power = c.canSetMaxCurrent && c.phases != null && c.phases > 0 && c.voltageV != null && c.voltageV > 0;
        return CapabilityView.effective(c, Map.of(), power);
    }
}
