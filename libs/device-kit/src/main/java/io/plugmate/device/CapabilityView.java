package io.plugmate.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.events.Capability;

/**
 * One capability of a Vehicle or Charger view (Enode's shape): whether the device can do it now, what the user must do
 * first, and — when orchestration offers it through a pair because the device cannot natively — through which pair
 * and which other device.
 */
public record CapabilityView(boolean isCapable, List<String> interventionIds,
        @Schema(description = "Set when the capability is offered through a pair: the pair and the other device that "
                + "executes it; null for the device's own.") Via unlockedBy) {

    /** The pair and the other device: {@code chargerId} on a vehicle, {@code vehicleId} on a charger (the other null). */
    public record Via(String pairId, String chargerId, String vehicleId) {
    }

    /** Enode's intervention id for "the user must link this account again". */
    public static final String RELINK = "relink-oem-account";

    /**
     * A view's capabilities: information and chargeState, the kind's own ones (a vehicle's location), then the
     * controls. Each is the device's native value (carrying {@link #RELINK} while its account must be linked again),
     * unless orchestration's latest event unlocked it through a pair — then as the event says (the pair suppresses the
     * interventions that blocked it natively).
     *
     * @param kindsOwn capabilities only this kind of device has → whether it has them natively
     * @param setMaxPower whether the device takes a power limit natively
     */
    public static Map<String, CapabilityView> effective(LinkedDeviceEntity device, Map<String, Boolean> kindsOwn,
            boolean setMaxPower) {
        Map<String, Boolean> natively = new LinkedHashMap<>();
        natively.put("information", true);
        natively.put("chargeState", true);
        natively.putAll(kindsOwn);
        natively.put("startCharging", device.canStartCharging);
        natively.put("stopCharging", device.canStopCharging);
        natively.put("setMaxCurrent", device.canSetMaxCurrent);
        natively.put("setMaxPower", setMaxPower);
        Map<String, Capability> unlocked = UnlockedCapabilities.read(device.unlockedCapabilities);
        Map<String, CapabilityView> views = new LinkedHashMap<>();
        natively.forEach((name, own) -> {
            Capability through = unlocked.get(name);
            views.put(name, through != null
                    ? new CapabilityView(true, through.interventionIds(), new Via(through.unlockedBy().pairId(),
                            through.unlockedBy().chargerId(), through.unlockedBy().vehicleId()))
                    : device.needsRelink() && own ? new CapabilityView(false, List.of(RELINK), null)
                            : new CapabilityView(own, List.of(), null));
        });
        return views;
    }
}
