package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.plugmate.events.GeoLocation;

/**
 * What stands between a convincing pair and its activation: rivals as plausible sharing one of its devices, a device
 * held by a pair a person confirmed, a look-alike that has not reported yet, a rival whose unplug news is just in.
 */
final class Rivalry {

    private final UserDevices devices;
    private final DetectorSettings settings;
    private final DetectorSettings.Decision rule;

    Rivalry(UserDevices devices) {
        this.devices = devices;
        this.settings = devices.settings;
        this.rule = devices.rule;
    }

    /** Pairs sharing a device with {@code p} that are plausible and not clearly behind it (see the lead score). */
    List<String> rivals(Pair p, Assessment own, Map<String, Assessment> plugged) {
        List<String> rivals = new ArrayList<>();
        for (Pair other : devices.book.all()) {
            Assessment a = plugged.get(other.id());
            if (!other.id().equals(p.id()) && UserDevices.sharesDevice(other, p) && a != null && a.plausible(rule)
                    && a.leadScore() > own.leadScore() - rule.dominance()) {
                rivals.add(other.id());
            }
        }
        return rivals;
    }

    /** Another pair of one of its devices is active because a person confirmed it during this plug-in. */
    boolean heldByConfirmation(Pair p) {
        for (Pair other : devices.book.all()) {
            if (UserDevices.sharesDevice(other, p) && other.state() == PairState.ACTIVE && !other.id().equals(p.id())
                    && devices.confirmedNow(other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Look-alikes: another vehicle of the user that has not reported since the charger's plug-in could be the one on it
     * (two cars of one model plugging in within a minute at the same power, one of them elsewhere, without GPS: the
     * first to report would otherwise be taken). Until it has reported, or {@code decision.rivalWait} has passed since
     * the plug-in, the pair is not taken as the answer; if it then is as plausible, both are AMBIGUOUS. The same for
     * another charger that has not reported since the vehicle's plug-in.
     * <p>
     * A vehicle whose own live position since its plug-in is at the charger's learned place is not waited for a rival
     * vehicle: it is plugged in at that place, and the only connector there is the charger's (another charger of the
     * user at that place is the second loop's concern); the look-alike that could be on the charger instead would
     * leave this vehicle plugged into nothing the user has.
     *
     * @return what is awaited, null when nothing
     */
    String silentLookAlike(Pair p, Instant now) {
        Duration silence = settings.reports().silence();
        Marks chargerPlug = devices.charger(p.chargerId()).timeline.plugIn(silence);
        DeviceTrack vehicle = devices.vehicle(p.vehicleId());
        Marks vehiclePlug = vehicle.timeline.plugIn(silence).shifted(devices.clockOf(vehicle));
        boolean placed = atChargersPlace(vehicle, devices.charger(p.chargerId()));
        for (DeviceTrack other : devices.vehicles.values()) {
            if (!placed && !other.id.equals(p.vehicleId()) && other.linked && !devices.activeWithOther(other.id)
                    && silentSince(other, chargerPlug.firstAfter().plus(devices.clockOf(other)), now)) {
                return "vehicle " + other.id + " has not reported since the charger's plug-in";
            }
        }
        for (DeviceTrack other : devices.chargers.values()) {
            if (!other.id.equals(p.chargerId()) && other.linked && !devices.activeWithOther(other.id)
                    && silentSince(other, vehiclePlug.firstAfter(), now)) {
                return "charger " + other.id + " has not reported since the vehicle's plug-in";
            }
        }
        return null;
    }

    /**
     * The vehicle's latest position since its plug-in lies within {@code location.nearMeters} of where the charger is,
     * as learned from enough sessions to rule a vehicle out ({@code location.fixesToRuleOut}), and its positions are
     * live: on its way there, since its previous plug-in, it reported one at least {@code location.farMeters} away. A
     * car whose cloud repeats a stale position (the one it was parked at before it left) says "here" from anywhere.
     */
    private boolean atChargersPlace(DeviceTrack vehicle, DeviceTrack charger) {
        LearnedLocation where = charger.learnedLocation();
        Marks plug = vehicle.timeline.plugIn();
        if (where == null || !where.canRuleOut() || plug == null) {
            return false;
        }
        DetectorSettings.Location place = settings.location();
        GeoLocation at = vehicle.timeline.latestFixSince(plug.firstAfter());
        boolean cameFromAway = vehicle.timeline.unpluggedBefore(plug.firstAfter()).stream()
                .anyMatch(o -> o.location() != null
                        && Geo.metersBetween(o.location(), where.centre()) >= place.farMeters());
        return cameFromAway && at != null && Geo.metersBetween(at, where.centre()) <= place.nearMeters();
    }

    /**
     * The device has not reported clearly after the plug-in: a report within the clock tolerance of it may have been
     * made just before it (and say "unplugged" of a car that plugs in the next second).
     *
     * @param plugIn on the device's own clock
     */
    private boolean silentSince(DeviceTrack device, Instant plugIn, Instant now) {
        Observation latest = device.timeline.latest();
        Duration tolerance = settings.reports().clockTolerance();
        return latest != null && !latest.observedAt().isAfter(plugIn.plus(tolerance))
                && now.isBefore(plugIn.plus(rule.rivalWait()));
    }

    /**
     * Elimination needs fresh news: when another charger that was plugged in with this vehicle has just been unplugged
     * (say the one it really was on), the vehicle's own unplug report is probably on its way; the same for another
     * vehicle of this charger. Until the device reports again, the survivor is not taken as the answer.
     *
     * @return what is awaited, null when nothing
     */
    String rivalJustUnplugged(Pair p) {
        Timeline vehicle = devices.vehicle(p.vehicleId()).timeline;
        Timeline charger = devices.charger(p.chargerId()).timeline;
        Duration clock = devices.clockOf(devices.vehicle(p.vehicleId()));
        for (DeviceTrack other : devices.chargers.values()) {
            if (!other.id.equals(p.chargerId()) && justUnpluggedAfter(other.timeline, Duration.ZERO, vehicle, clock)) {
                return "charger " + other.id + " was unplugged after the vehicle's latest report";
            }
        }
        for (DeviceTrack other : devices.vehicles.values()) {
            if (!other.id.equals(p.vehicleId())
                    && justUnpluggedAfter(other.timeline, devices.clockOf(other), charger, Duration.ZERO)) {
                return "vehicle " + other.id + " was unplugged after the charger's latest report";
            }
        }
        return null;
    }

    /** The clocks: what each device's times are off by (zero for chargers). */
    private boolean justUnpluggedAfter(Timeline other, Duration otherClock, Timeline device, Duration deviceClock) {
        Marks ended = Marks.shifted(other.lastEndedPlugIn(), otherClock);
        Marks plug = Marks.shifted(device.plugIn(), deviceClock);
        if (ended == null || plug == null) {
            return false;
        }
        Instant deviceLatest = device.latest().observedAt().minus(deviceClock);
        boolean pluggedTogether = Duration.between(ended.lastBefore(), plug.firstAfter()).abs()
                .compareTo(settings.plugInTiming().close()) <= 0;
        return pluggedTogether && ended.firstAfter().isAfter(deviceLatest.minus(settings.reports().clockTolerance()));
    }
}
