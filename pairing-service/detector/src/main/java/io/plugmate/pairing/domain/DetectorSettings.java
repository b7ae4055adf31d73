package io.plugmate.pairing.domain;

import java.time.Duration;

/**
 * The detector's knobs. The defaults are what the accuracy benchmark measured (see the module README); change them
 * only with a new benchmark run.
 *
 * @param clockTolerance how far two devices' clocks (and so their event times) may disagree
 * @param nearPlugIn both first plug-in reports this close: strong evidence
 * @param closePlugIn this close: some evidence
 * @param stateWindow a vehicle report is compared with the charger's reports this far either side of it
 * @param activateScore a candidate pair activates at this total score, when nothing else is plausible
 * @param plausibleScore a rival at this score (and not ruled out) makes the decision ambiguous
 * @param dominance ...unless the pair leads the rival by at least this much
 * @param nearChargerMeters a vehicle this close to the charger's learned location is at the charger
 * @param farFromChargerMeters a vehicle this far from it cannot be plugged into it
 * @param silence a device silent this long (a sleeping car) may have been unplugged and plugged in meanwhile
 * @param restingPlugIn a vehicle plugged in this long is resting at home, presumably (where its chargers are)
 * @param recentWindow reports this recent are kept whole (older ones only around changes of state) and compared
 * @param timelineCapacity reports kept per device at most
 */
public record DetectorSettings(Duration clockTolerance, Duration nearPlugIn, Duration closePlugIn,
        Duration stateWindow, double activateScore, double plausibleScore, double dominance, double nearChargerMeters,
        double farFromChargerMeters, Duration silence, Duration restingPlugIn, Duration recentWindow,
        int timelineCapacity) {

    public static DetectorSettings defaults() {
        return new DetectorSettings(Duration.ofSeconds(90), Duration.ofMinutes(4), Duration.ofMinutes(10),
                Duration.ofSeconds(150), 0.6, 0.3, 0.6, 200, 1000, Duration.ofMinutes(20), Duration.ofHours(4),
                Duration.ofMinutes(45),
                2000);
    }
}
