package io.plugmate.pairing.domain;

import java.time.Duration;
import java.util.Map;

/**
 * A user's devices and pairs as the decision rules read them: the tracks by id, the pair book, and the vehicle clocks
 * that put a vehicle's times on its charger's.
 */
final class UserDevices {

    final DetectorSettings settings;
    final DetectorSettings.Decision rule;
    final Map<String, DeviceTrack> vehicles;
    final Map<String, DeviceTrack> chargers;
    final PairBook book;

    UserDevices(DetectorSettings settings, Map<String, DeviceTrack> vehicles, Map<String, DeviceTrack> chargers,
            PairBook book) {
        this.settings = settings;
        this.rule = settings.decision();
        this.vehicles = vehicles;
        this.chargers = chargers;
        this.book = book;
    }

    DeviceTrack vehicle(String id) {
        return vehicles.get(id);
    }

    DeviceTrack charger(String id) {
        return chargers.get(id);
    }

    /** What the vehicle's clock is off by (as learned, else the settings' assumption). */
    Duration clockOf(DeviceTrack vehicle) {
        return vehicle.clock.offset(settings.clock());
    }

    /** The pair's vehicle's current plug-in; null when it is not plugged in. */
    Marks vehiclePlugIn(Pair p) {
        return vehicles.get(p.vehicleId()).timeline.plugIn();
    }

    /** A person confirmed the pair during its vehicle's current plug-in. */
    boolean confirmedNow(Pair p) {
        return confirmedDuring(p, vehiclePlugIn(p));
    }

    static boolean confirmedDuring(Pair p, Marks vehiclePlug) {
        return vehiclePlug != null && p.memory().verdict() == Verdict.CONFIRMED
                && !p.memory().verdictAt().isBefore(vehiclePlug.firstAfter());
    }

    boolean activeWithOther(String deviceId) {
        return book.all().stream().anyMatch(q -> q.state() == PairState.ACTIVE
                && (q.vehicleId().equals(deviceId) || q.chargerId().equals(deviceId)));
    }

    static boolean sharesDevice(Pair a, Pair b) {
        return a.vehicleId().equals(b.vehicleId()) || a.chargerId().equals(b.chargerId());
    }
}
