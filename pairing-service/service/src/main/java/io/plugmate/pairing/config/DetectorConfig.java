package io.plugmate.pairing.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.events.Evidence;
import io.plugmate.events.GeoLocation;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.Observation;
import io.plugmate.pairing.domain.Pair;
import io.plugmate.pairing.domain.PairMemory;
import io.plugmate.pairing.domain.VehicleClock;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The detector's settings. Deliberately not configurable here: the defaults are what the accuracy benchmark measured,
 * and the replay tool uses the same ones, so the live service decides exactly what a replay of its input decides.
 */
// the snapshot records are read and written by Jackson, also in a native image
@RegisterForReflection(targets = { DetectorSnapshot.class, DetectorSnapshot.Device.class, Observation.class,
        Pair.class, Pair.Unplug.class, PairMemory.class, VehicleClock.Bound.class, Evidence.class, GeoLocation.class })
@Singleton
public class DetectorConfig {

    @Produces
    @Singleton
    DetectorSettings detectorSettings() {
        return DetectorSettings.defaults();
    }
}
