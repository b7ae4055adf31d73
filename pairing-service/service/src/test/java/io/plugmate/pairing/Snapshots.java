package io.plugmate.pairing;

import java.util.List;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.Observation;

/** What a stored detector state holds beyond its timelines. */
public final class Snapshots {

    private Snapshots() {
    }

    /** A device's reports taken in but not applied yet: they wait for another input topic (ADR 0008). */
    public static List<Observation> waitingReports(DetectorSnapshot snapshot, String deviceId) {
        return snapshot.pending().stream().<Observation> mapMulti((event, out) -> {
            if (event instanceof VehicleStateObserved v && deviceId.equals(v.vehicleId())) {
                out.accept(Observation.of(v));
            } else if (event instanceof ChargerStateObserved c && deviceId.equals(c.chargerId())) {
                out.accept(Observation.of(c));
            }
        }).toList();
    }
}
