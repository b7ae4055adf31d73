package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.plugmate.events.GeoLocation;

/**
 * What a pair's plug-ins teach beyond the moment: where the charger is (the vehicle's fixes while the two were plugged
 * together, or when a person confirmed them) and what the vehicle's clock is off by (a plug-in both started and ended
 * together).
 */
final class PairLearning {

    private final UserDevices devices;

    PairLearning(UserDevices devices) {
        this.devices = devices;
    }

    /** Remembers a charger's position from the confirming vehicle's latest fix in its current plug-in. */
    void fromConfirmation(Pair pair) {
        DeviceTrack vehicle = devices.vehicle(pair.vehicleId());
        DeviceTrack charger = devices.charger(pair.chargerId());
        Marks plug = vehicle == null ? null : vehicle.timeline.plugIn();
        if (plug == null || charger == null) {
            return;
        }
        GeoLocation last = null;
        for (Observation o : vehicle.timeline.since(plug.firstAfter())) {
            last = o.location() != null ? o.location() : last;
        }
        if (last != null) {
            charger.learn(last);
        }
    }

    /** The charger is where the vehicle's fixes of the shared plug-in centre. */
    void location(Pair p, Instant until) {
        List<GeoLocation> fixes = new ArrayList<>();
        for (Observation o : devices.vehicle(p.vehicleId()).timeline.between(p.plugInAt(), until)) {
            if (o.location() != null) {
                fixes.add(o.location());
            }
        }
        GeoLocation centre = Geo.median(fixes);
        if (centre != null && devices.chargers.containsKey(p.chargerId())) {
            devices.charger(p.chargerId()).learn(centre);
        }
    }

    /**
     * A plug-in the two ended together: its start and its end happened at one instant on both devices, so the
     * reports around them bound what the vehicle's clock is off by.
     */
    void clock(Pair p) {
        DeviceTrack vehicle = devices.vehicle(p.vehicleId());
        Timeline v = vehicle.timeline;
        Timeline c = devices.charger(p.chargerId()).timeline;
        Instant vehicleOut = v.firstUnpluggedAfter(p.plugInAt());
        Instant chargerOut = c.firstUnpluggedAfter(p.plugInAt().minus(devices.clockOf(vehicle)));
        if (vehicleOut == null || chargerOut == null) {
            return;
        }
        Observation chargerIn = c.startOfRunBefore(chargerOut);
        vehicle.clock = vehicle.clock.learn(timeIf(v.before(p.plugInAt()), false), p.plugInAt(),
                chargerIn == null ? null : timeIf(c.before(chargerIn.observedAt()), false),
                chargerIn == null ? null : chargerIn.observedAt(), timeIf(v.before(vehicleOut), true), vehicleOut,
                timeIf(c.before(chargerOut), true), chargerOut, devices.settings.clock());
    }

    /** The report's time when it says plugged (or, with {@code plugged} false, unplugged); else null. */
    private static Instant timeIf(Observation report, boolean plugged) {
        return report != null && (plugged ? report.isPlugged() : report.isUnplugged()) ? report.observedAt() : null;
    }
}
