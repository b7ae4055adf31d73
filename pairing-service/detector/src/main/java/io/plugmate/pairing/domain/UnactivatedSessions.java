package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A plug-in that a vehicle and a charger had together and that ended without an activation of their pair: written
 * into the pair's history, never activated after the fact (ADR 0017). It happens when the reports of a short plug-in
 * reach pairing only after its unplug (an OEM retrying its webhooks after an outage of ours), or when the plug-in ended
 * before the evidence was enough. An activation then would unlock commands to a charger the car has left; without the
 * entry nothing would say that the two were together.
 * <p>
 * "Together" is timing only: both plug-in reports within {@code plugInTiming.close} of each other and both unplug
 * reports within {@code decision.unplugTogether}, on the charger's clock. The entry is written only when that pair is
 * the only one of its devices that fits and no pair of either device was activated in those minutes; it says what it
 * rests on and claims nothing more.
 */
final class UnactivatedSessions {

    private final UserDevices devices;
    private final Duration plugInClose;
    private final Duration unplugTogether;

    UnactivatedSessions(UserDevices devices) {
        this.devices = devices;
        this.plugInClose = devices.settings.plugInTiming().close();
        this.unplugTogether = devices.rule.unplugTogether();
    }

    /** A plug-in both devices had together, on the charger's clock; {@code vehiclePlugIn} on the vehicle's own. */
    private record Together(Pair pair, Instant vehiclePlugIn, Marks vehicle, Marks charger) {
    }

    /** Writes the history entries of plug-ins that ended, together, without an activation. */
    void record(Instant now) {
        List<Together> found = new ArrayList<>();
        for (Pair p : devices.book.all()) {
            Together t = endedTogether(p);
            if (t != null && !p.memory().accountsFor(t.vehiclePlugIn())) {
                found.add(t);
            }
        }
        for (Together t : found) {
            if (found.stream().noneMatch(o -> o != t && UserDevices.sharesDevice(o.pair(), t.pair()))
                    && !activatedAround(t)) {
                note(t, now);
            }
        }
    }

    /**
     * An ended plug-in of each of the pair's two devices that began and ended together; null if there is none. Each
     * device's latest ended plug-in is matched with the other's ended plug-in that began nearest to it (one device's
     * reports may come late, when the other has already begun its next plug-in), and only if that one is in turn
     * nearest to it: with plug-ins minutes apart, a car's plug-in whose wallbox reports have not come yet would
     * otherwise be matched with the wallbox's previous plug-in, and the history would tell of the wrong one. Each is
     * given as (first plugged report, first unplugged report).
     */
    private Together endedTogether(Pair p) {
        if (!p.live() || p.state() == PairState.ACTIVE) {
            return null;
        }
        DeviceTrack vehicle = devices.vehicle(p.vehicleId());
        DeviceTrack charger = devices.charger(p.chargerId());
        if (vehicle == null || charger == null || !vehicle.linked || !charger.linked) {
            return null;
        }
        Duration clock = devices.clockOf(vehicle);
        Marks latestOwn = vehicle.timeline.endedPlugInNear(null, plugInClose);
        Marks latestChargers = charger.timeline.endedPlugInNear(null, plugInClose);
        Together t = latestOwn == null ? null
                : together(p, latestOwn, nearestOf(charger, latestOwn.lastBefore().minus(clock)));
        if (t != null && !latestOwn.equals(nearestOf(vehicle, t.charger().lastBefore().plus(clock)))) {
            t = null;
        }
        if (t == null && latestChargers != null) {
            Marks own = nearestOf(vehicle, latestChargers.lastBefore().plus(clock));
            t = own == null || !latestChargers.equals(nearestOf(charger, own.lastBefore().minus(clock))) ? null
                    : together(p, own, latestChargers);
        }
        return t;
    }

    private Marks nearestOf(DeviceTrack device, Instant around) {
        return device.timeline.endedPlugInNear(around, plugInClose);
    }

    /** The two ended plug-ins as one, if the unplugs were together too; {@code own} on the vehicle's clock. */
    private Together together(Pair p, Marks own, Marks chargers) {
        if (chargers == null) {
            return null;
        }
        Marks shifted = own.shifted(devices.clockOf(devices.vehicle(p.vehicleId())));
        boolean plugged = apart(shifted.lastBefore(), chargers.lastBefore()).compareTo(plugInClose) <= 0;
        boolean unplugged = apart(shifted.firstAfter(), chargers.firstAfter()).compareTo(unplugTogether) <= 0;
        return plugged && unplugged ? new Together(p, own.lastBefore(), shifted, chargers) : null;
    }

    /**
     * Another pair of either device was activated in a plug-in that began within these minutes (from
     * {@code plugInTiming.close} before this one's beginning to its end); a later activation says nothing about them.
     */
    private boolean activatedAround(Together t) {
        Instant from = t.vehicle().lastBefore().minus(plugInClose);
        for (Pair other : devices.book.all()) {
            Instant accounted = other.memory().accountedPlugIn();
            if (other != t.pair() && UserDevices.sharesDevice(other, t.pair()) && accounted != null) {
                DeviceTrack otherVehicle = devices.vehicle(other.vehicleId());
                Instant onChargersClock = otherVehicle == null ? accounted
                        : accounted.minus(devices.clockOf(otherVehicle));
                if (!onChargersClock.isBefore(from) && onChargersClock.isBefore(t.charger().firstAfter())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void note(Together t, Instant now) {
        Pair accounted = t.pair().withMemory(t.pair().memory().accountingFor(t.vehiclePlugIn()));
        devices.book.put(accounted);
        String reason = ("plugged in and out together without an activation: plug-in reports %ds apart (%s), unplug "
                + "reports %ds apart (%s); not activated afterwards").formatted(
                        apart(t.vehicle().lastBefore(), t.charger().lastBefore()).toSeconds(), t.charger().lastBefore(),
                        apart(t.vehicle().firstAfter(), t.charger().firstAfter()).toSeconds(),
                        t.charger().firstAfter());
        devices.book.note(accounted, reason, now);
    }

    private static Duration apart(Instant a, Instant b) {
        return Duration.between(a, b).abs();
    }
}
