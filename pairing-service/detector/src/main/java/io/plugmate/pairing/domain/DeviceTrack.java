package io.plugmate.pairing.domain;

import java.time.Duration;
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

    private void keep(List<GeoLocation> list, GeoLocation fix) {
        list.add(fix);
        if (list.size() > place.fixesKept()) {
            list.removeFirst();
        }
    }

    DetectorSnapshot.Device snapshot() {
        return new DetectorSnapshot.Device(id, type, linked, timeline.reports(), fixes, restFixes);
    }

    static DeviceTrack fresh(String id, DeviceType type, DetectorSettings settings) {
        return new DeviceTrack(id, type, false, new Timeline(settings.reports(), List.of()), List.of(), List.of(),
                settings.location());
    }

    static DeviceTrack restore(DetectorSnapshot.Device device, DetectorSettings settings) {
        return new DeviceTrack(device.id(), device.type(), device.linked(),
                new Timeline(settings.reports(), device.reports()), device.learnedFixes(), device.restFixes(),
                settings.location());
    }
}
