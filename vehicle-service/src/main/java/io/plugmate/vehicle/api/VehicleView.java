package io.plugmate.vehicle.api;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.device.CapabilityView;
import io.plugmate.device.DeviceTimestamps;
import io.plugmate.device.PowerDeliveryState;
import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.vehicle.domain.ChargeRateSource;

/**
 * The public Vehicle object, with Enode's field names (architecture §2). Two clocks meet here, each field says which:
 * {@code lastSeen} is the platform's wall clock, {@code lastUpdated} the OEM's measurement time (simulated time in the
 * local stack, whose simulator runs faster than the wall clock).
 */
public record VehicleView(String id, String userId, String vendor, boolean isReachable,
        @Schema(description = DeviceTimestamps.LAST_SEEN) Instant lastSeen, Information information,
        ChargeState chargeState,
        @Schema(description = "The last reported position; null when unknown, when the OEM reports none, or when the "
                + "link did not ask for the vehicle:read:location scope.") Location location,
        @Schema(description = "Without the vehicle:control:charging scope the vehicle offers no charging control of "
                + "its own (startCharging, stopCharging, setMaxCurrent not capable, unless unlocked through a pair); "
                + "without vehicle:read:location, location is not capable.") Map<String, CapabilityView> capabilities) {

    public record Information(String brand, String model, Integer year, String vin, String displayName) {
    }

    public record ChargeState(Double batteryLevel, Double range, Boolean isPluggedIn, Boolean isCharging,
            Boolean isFullyCharged, Double chargeRate, ChargeRateSource chargeRateSource, Double chargeLimit,
            Double maxCurrent, PowerDeliveryState powerDeliveryState, String pluggedInChargerId,
            @Schema(description = DeviceTimestamps.LAST_UPDATED) Instant lastUpdated,
            LastAction lastAction) {
    }

    /**
     * The latest action orchestration reported for this vehicle, its own or its paired charger's ({@code pairId} set
     * when it went through the pair); a confirmed start or stop shows in the state above until the vehicle reports.
     */
    public record LastAction(String id, CommandKind kind, ActionState state, String pairId) {
    }

    public record Location(Double latitude, Double longitude,
            @Schema(description = DeviceTimestamps.LAST_UPDATED) Instant lastUpdated) {
    }

}
