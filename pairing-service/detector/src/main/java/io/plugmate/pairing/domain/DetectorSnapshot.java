package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.List;

import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.PlugmateEvent;

/**
 * Everything one user's detector knows, as plain records: what the service stores between records (so the state
 * survives restarts and partition moves) and what a test can compare.
 *
 * @param sequence pair events emitted so far (event ids derive from it)
 * @param watermark the latest event time seen
 * @param removed devices unlinked; their late reports are ignored
 * @param pending inputs taken in but not applied yet, in arrival order: they wait for another input stream (ADR 0008)
 */
public record DetectorSnapshot(String clientId, String userId, long sequence, Instant watermark,
        List<Device> devices, List<String> removed, List<Pair> pairs, List<PlugmateEvent> pending) {

    public DetectorSnapshot {
        devices = List.copyOf(devices);
        removed = List.copyOf(removed);
        pairs = List.copyOf(pairs);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /**
     * @param learnedFixes chargers: vehicle positions while plugged in here
     * @param restFixes vehicles: where they stayed plugged in for hours (their home, presumably)
     * @param reportsRates the device has reported a charge rate while charging (its vendor measures one)
     * @param clockBounds vehicles: what episodes ended together with a charger tell about the vehicle's clock
     */
    public record Device(String id, DeviceType type, boolean linked, List<Observation> reports,
            List<GeoLocation> learnedFixes, List<GeoLocation> restFixes, boolean reportsRates,
            List<VehicleClock.Bound> clockBounds) {

        public Device {
            reports = reports == null ? List.of() : List.copyOf(reports);
            learnedFixes = learnedFixes == null ? List.of() : List.copyOf(learnedFixes);
            restFixes = restFixes == null ? List.of() : List.copyOf(restFixes);
            clockBounds = clockBounds == null ? List.of() : List.copyOf(clockBounds);
        }
    }
}
