package io.plugmate.vehicle.api;

import java.util.Map;

import io.plugmate.device.CapabilityView;
import io.plugmate.device.PowerDeliveryState;
import io.plugmate.vehicle.domain.ChargeRate;
import io.plugmate.vehicle.persistence.VehicleEntity;

/** Entity → public view. The charge-rate rule needs the client's toggles, so the caller passes them in. */
final class VehicleViews {

    private VehicleViews() {
    }

    record Toggles(boolean improvedChargeRate, boolean enhancedEstimate) {
    }

    static VehicleView of(VehicleEntity v, Toggles toggles) {
        ChargeRate rate = ChargeRate.resolve(new ChargeRate.Inputs(v.vehicleChargeRateKw, v.chargerChargeRateKw,
                v.pluggedInChargerId != null, toggles.improvedChargeRate(), toggles.enhancedEstimate()));
        var chargeState = new VehicleView.ChargeState(v.batteryLevel, v.rangeKm, v.isPluggedIn, v.isCharging,
                v.isFullyCharged, rate.kw(), rate.source(), v.chargeLimit, v.maxCurrentA,
                PowerDeliveryState.of(v.isPluggedIn, v.isCharging, v.isFullyCharged), v.pluggedInChargerId,
                v.stateObservedAt, lastAction(v));
        // no location without vehicle:read:location (hasLocation says the client may see it; docs/adr/0012)
        var location = !v.hasLocation || v.latitude == null || v.longitude == null ? null
                : new VehicleView.Location(v.latitude, v.longitude, v.locationObservedAt);
        return new VehicleView(v.id.toString(), v.userId, v.vendor, v.isReachable, v.lastSeen,
                new VehicleView.Information(v.brand, v.model, v.year, v.vin, v.displayName), chargeState, location,
                capabilities(v));
    }

    /** A vehicle's OEM never takes a power limit: that one is only ever unlocked through a pair. */
    private static Map<String, CapabilityView> capabilities(VehicleEntity v) {
        return CapabilityView.effective(v, Map.of("location", v.hasLocation), false);
    }

    private static VehicleView.LastAction lastAction(VehicleEntity v) {
        return v.lastActionId == null ? null
                : new VehicleView.LastAction(v.lastActionId.toString(), v.lastActionKind, v.lastActionState,
                        v.lastActionPairId);
    }
}
