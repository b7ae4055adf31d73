package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;

/**
 * One device of the user as the detector knows it. Reports may arrive before the device's {@code DeviceLinked}
 * (they travel on another topic), so a device can be known but not yet linked; only linked devices form pairs.
 */
final class DeviceTrack {

    final String id;
    final DeviceType type;
    final Timeline timeline;
    /** Chargers only: vehicle positions while it was confirmed plugged in here. */
    final List<GeoLocation> fixes;
    /** Vehicles only: where they stayed plugged in for hours. */
    final List<GeoLocation> restFixes;
    boolean linked;
    /** The device has reported a charge rate while charging: its vendor measures one. */
    boolean reportsRates;
    /** Vehicles only: what their clock is off by, as far as learned. */
    VehicleClock clock = VehicleClock.UNKNOWN;
    private final DetectorSettings.Location place;

    DeviceTrack(String id, DeviceType type, boolean linked, Timeline timeline, List<GeoLocation> fixes,
            List<GeoLocation> restFixes, DetectorSettings.Location place) {
        this.id = id;
        this.place = place;
        this.type = type;
        this.linked = linked;
        this.timeline = timeline;
        this.fixes = new ArrayList<>(fixes);
        this.restFixes = new ArrayList<>(restFixes);
        this.reportsRates = timeline.reports().stream().anyMatch(DeviceTrack::showsRate);
    }

    /** Takes note of what a report tells about the device itself (not about where it is plugged). */
    void noteReport(Observation report) {
        reportsRates |= showsRate(report);
    }

    private static boolean showsRate(Observation report) {
        return report.isCharging() && report.rateKw() != null;
    }

    LearnedLocation learnedLocation() {
        return LearnedLocation.of(fixes, place);
    }

    void learn(GeoLocation fix) {
        keep(fixes, fix);
    }

    /** Where the vehicle rests plugged in (its home, presumably); null until known. */
    LearnedLocation restingPlace() {
        return LearnedLocation.of(restFixes, place);
    }

    /**
     * When {@code report} is the unplug report that ends a plug-in of hours (by the vehicle's own reports), remembers
     * where the vehicle was during it.
     */
    void noteRest(Observation report) {
        noteParkedRest(report);
        Marks ended = timeline.lastEndedPlugIn();
        if (!report.isUnplugged() || ended == null || !ended.firstAfter().equals(report.observedAt())
                || Duration.between(ended.lastBefore(), ended.firstAfter()).compareTo(place.restingPlugIn()) < 0) {
            return;
        }
        List<GeoLocation> during = new ArrayList<>();
        for (Observation o : timeline.between(ended.lastBefore(), ended.firstAfter())) {
            if (o.location() != null && o.isPlugged()) {
                during.add(o.location());
            }
        }
        GeoLocation where = Geo.median(during);
        if (where != null) {
            keep(restFixes, where);
        }
    }

    /**
     * When {@code report}, the vehicle's newest, shows it has left a place where it stood still through the night
     * ({@code location.restingParked} or more, across {@code location.nightHour} local time), plugged in or not,
     * remembers that place: home, presumably, and what a new user's first session can be judged against before any
     * plug-in has ended. A working day's parking does not count: it does not span the night.
     */
    private void noteParkedRest(Observation report) {
        if (report.location() == null || timeline.latest() != report) {
            return;
        }
        List<Observation> before = timeline.between(Instant.MIN, report.observedAt());
        GeoLocation anchor = null;
        List<GeoLocation> still = new ArrayList<>();
        Instant from = null;
        Instant until = null;
        for (int i = before.size() - 2; i >= 0; i--) {
            GeoLocation fix = before.get(i).location();
            if (fix == null) {
                continue;
            }
            if (anchor == null) {
                if (Geo.metersBetween(fix, report.location()) <= place.nearMeters()) {
                    return; // not moved
                }
                anchor = fix;
                until = before.get(i).observedAt();
            } else if (Geo.metersBetween(fix, anchor) > place.nearMeters()) {
                break;
            }
            still.add(fix);
            from = before.get(i).observedAt();
        }
        GeoLocation where = Geo.median(still);
        if (from != null && Duration.between(from, until).compareTo(place.restingParked()) >= 0
                && Geo.spansLocalTime(from, until, where, place.nightHour())) {
            keep(restFixes, where);
        }
    }

    private void keep(List<GeoLocation> list, GeoLocation fix) {
        list.add(fix);
        if (list.size() > place.fixesKept()) {
            list.removeFirst();
        }
    }

    DetectorSnapshot.Device snapshot() {
        return new DetectorSnapshot.Device(id, type, linked, timeline.reports(), fixes, restFixes, reportsRates,
                clock.bounds());
    }

    static DeviceTrack fresh(String id, DeviceType type, DetectorSettings settings) {
        return new DeviceTrack(id, type, false, new Timeline(settings.reports(), List.of()), List.of(), List.of(),
                settings.location());
    }

    static DeviceTrack restore(DetectorSnapshot.Device device, DetectorSettings settings) {
        DeviceTrack track = new DeviceTrack(device.id(), device.type(), device.linked(),
                new Timeline(settings.reports(), device.reports()), device.learnedFixes(), device.restFixes(),
                settings.location());
        track.reportsRates |= device.reportsRates();
        track.clock = new VehicleClock(device.clockBounds());
        return track;
    }
}
