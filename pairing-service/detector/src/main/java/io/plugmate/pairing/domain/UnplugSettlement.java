package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * An ended activation waits for the other device's unplug report: the same minutes make the two plugged in and out
 * together, which is remembered, and the vehicle's position then teaches where the charger is.
 */
final class UnplugSettlement {

    private final UserDevices devices;
    private final PairLearning learning;

    UnplugSettlement(UserDevices devices, PairLearning learning) {
        this.devices = devices;
        this.learning = learning;
    }

    void settle() {
        PairBook book = devices.book;
        for (Pair p : book.all()) {
            Pair.Unplug first = p.unplug();
            if (first == null || !p.live()) {
                continue;
            }
            boolean vehicleFirst = first.side().equals("vehicle");
            DeviceTrack vehicle = devices.vehicle(p.vehicleId());
            Timeline other = vehicleFirst ? devices.charger(p.chargerId()).timeline : vehicle.timeline;
            Instant otherOut = other.firstUnpluggedAfter(p.plugInAt());
            Duration window = devices.rule.unplugTogether();
            Duration clock = devices.clockOf(vehicle);
            // both on the charger's clock
            Instant firstOut = vehicleFirst ? first.at().minus(clock) : first.at();
            Instant secondOut = otherOut == null || vehicleFirst ? otherOut : otherOut.minus(clock);
            if (otherOut != null && Duration.between(firstOut, secondOut).abs().compareTo(window) <= 0) {
                learning.location(p, vehicleFirst ? first.at() : otherOut);
                learning.clock(p);
                book.put(p.withMemory(p.memory().withSharedEpisode()).withUnplug(null));
            } else if (otherOut != null || stillPluggedLongAfter(other, first.at().plus(window))) {
                book.put(p.withUnplug(null));
            }
        }
    }

    private static boolean stillPluggedLongAfter(Timeline other, Instant after) {
        Observation latest = other.latest();
        return latest != null && latest.isPlugged() && latest.observedAt().isAfter(after);
    }
}
