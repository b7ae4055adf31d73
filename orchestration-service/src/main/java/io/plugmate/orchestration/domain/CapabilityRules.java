package io.plugmate.orchestration.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.plugmate.events.Capability;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceType;
import io.plugmate.events.UnlockedBy;

/**
 * The capabilities orchestration speaks for on a device, as {@code CapabilitiesChanged} carries them. A capability the
 * device has natively stays its own. One it lacks is unlocked through its pair (any pair that is not dissolved: the
 * capability says what can be done, an action still needs the pair ACTIVE) when the other device has it natively and
 * the toggles allow it: on a vehicle ({@code unlockedBy {pairId, chargerId}}) with {@code capability-unlocking} and
 * {@code command-orchestration} — start, stop, max current, and max power where the charger's phases and voltage are
 * known; on a charger ({@code unlockedBy {pairId, vehicleId}}) start and stop with {@code unified-charger-controls}
 * and {@code command-orchestration}. A vehicle's max power is never native (its OEM takes a current).
 */
public final class CapabilityRules {

    public static final List<String> NAMES = List.of("startCharging", "stopCharging", "setMaxCurrent", "setMaxPower");

    private CapabilityRules() {
    }

    /**
     * @param pair the device's relevant pair ({@link PairFacts#relevant}), null when none
     * @param other the device on the pair's other side, null when unknown
     */
    public static Map<String, Capability> effective(DeviceFacts device, PairFacts pair, DeviceFacts other,
            Toggles toggles) {
        DeviceCapabilities own = device.natively();
        boolean vehicle = device.type() == DeviceType.VEHICLE;
        boolean ownPower = !vehicle && own.setMaxCurrent() && device.electrical().convertsPower();
        Map<String, Capability> result = new LinkedHashMap<>();
        boolean through = pair != null && pair.live() && other != null && toggles.commandOrchestration()
                && (vehicle ? toggles.capabilityUnlocking() : toggles.unifiedChargerControls());
        UnlockedBy by = !through ? null
                : vehicle ? UnlockedBy.charger(pair.pairId(), other.id()) : UnlockedBy.vehicle(pair.pairId(), other.id());
        DeviceCapabilities theirs = through ? other.natively() : DeviceCapabilities.none();
        result.put("startCharging", capability(own.startCharging(), theirs.startCharging(), by));
        result.put("stopCharging", capability(own.stopCharging(), theirs.stopCharging(), by));
        result.put("setMaxCurrent", capability(own.setMaxCurrent(), vehicle && theirs.setMaxCurrent(), by));
        result.put("setMaxPower", capability(ownPower,
                vehicle && theirs.setMaxCurrent() && through && other.electrical().convertsPower(), by));
        return result;
    }

    private static Capability capability(boolean natively, boolean throughPair, UnlockedBy by) {
        if (natively) {
            return new Capability(true, List.of(), null);
        }
        return throughPair ? new Capability(true, List.of(), by) : new Capability(false, List.of(), null);
    }
}
