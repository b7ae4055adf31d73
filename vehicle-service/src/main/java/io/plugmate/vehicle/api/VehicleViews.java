package io.plugmate.vehicle.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.plugmate.vehicle.domain.ChargeRate;
import io.plugmate.vehicle.domain.PowerDeliveryState;
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
                v.stateObservedAt);
        var location = v.latitude == null || v.longitude == null ? null
                : new VehicleView.Location(v.latitude, v.longitude, v.locationObservedAt);
        return new VehicleView(v.id.toString(), v.userId, v.vendor, v.isReachable, v.lastSeen,
                new VehicleView.Information(v.brand, v.model, v.year, v.vin, v.displayName), chargeState, location,
                capabilities(v));
    }

    /** Enode's intervention id for "the user must link this account again". */
    static final String RELINK = "relink-oem-account";

    private static Map<String, VehicleView.Capability> capabilities(VehicleEntity v) {
        Map<String, VehicleView.Capability> capabilities = new LinkedHashMap<>();
        capabilities.put("information", capable(true, v));
        capabilities.put("chargeState", capable(true, v));
        capabilities.put("location", capable(v.hasLocation, v));
        capabilities.put("startCharging", capable(v.canStartCharging, v));
        capabilities.put("stopCharging", capable(v.canStopCharging, v));
        capabilities.put("setMaxCurrent", capable(v.canSetMaxCurrent, v));
        return capabilities;
    }

    /** A capability the vehicle has natively but cannot use until the user acts carries the intervention. */
    private static VehicleView.Capability capable(boolean native_, VehicleEntity v) {
        return v.needsRelink && native_ ? new VehicleView.Capability(false, List.of(RELINK))
                : new VehicleView.Capability(native_, List.of());
    }
}
