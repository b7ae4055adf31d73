package io.plugmate.pairing.domain;

import java.util.ArrayList;
import java.util.List;

import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;

/**
 * One device of the user as the detector knows it. Reports may arrive before the device's {@code DeviceLinked}
 * (they travel on another topic), so a device can be known but not yet linked; only linked devices form pairs.
 */
final class DeviceTrack {

    private static final int FIXES_KEPT = 20;

    final String id;
    final DeviceType type;
    final Timeline timeline;
    /** Chargers only: vehicle positions while it was confirmed plugged in here. */
    final List<GeoLocation> fixes;
    boolean linked;

    DeviceTrack(String id, DeviceType type, boolean linked, Timeline timeline, List<GeoLocation> fixes) {
        this.id = id;
        this.type = type;
        this.linked = linked;
        this.timeline = timeline;
        this.fixes = new ArrayList<>(fixes);
    }

    GeoLocation learnedLocation() {
        return Geo.median(fixes);
    }

    void learn(GeoLocation fix) {
        fixes.add(fix);
        if (fixes.size() > FIXES_KEPT) {
            fixes.removeFirst();
        }
    }

    DetectorSnapshot.Device snapshot() {
        return new DetectorSnapshot.Device(id, type, linked, timeline.reports(), fixes);
    }

    static DeviceTrack fresh(String id, DeviceType type, DetectorSettings settings) {
        return new DeviceTrack(id, type, false,
                new Timeline(settings.recentWindow(), settings.timelineCapacity(), List.of()), List.of());
    }

    static DeviceTrack restore(DetectorSnapshot.Device device, DetectorSettings settings) {
        return new DeviceTrack(device.id(), device.type(), device.linked(),
                new Timeline(settings.recentWindow(), settings.timelineCapacity(), device.reports()),
                device.learnedFixes());
    }
}
