package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.plugmate.events.GeoLocation;

/**
 * The detection rules: weighs the evidence that a vehicle, plugged in, is plugged into a given charger, also
 * plugged in. A pure function of the two timelines and what is remembered about the pair and the charger.
 */
final class Assessor {

    private final DetectorSettings settings;

    Assessor(DetectorSettings settings) {
        this.settings = settings;
    }

    /** @param chargerLocation where the charger is known to be (learned), or null */
    Assessment assess(Timeline vehicle, Timeline charger, LearnedLocation chargerLocation,
            LearnedLocation vehicleHome, PairMemory memory) {
        Assessment.Builder result = new Assessment.Builder();
        Marks vehiclePlug = vehicle.plugIn(settings.silence());
        Marks chargerPlug = charger.plugIn(settings.silence());
        plugInTiming(result, vehiclePlug, chargerPlug);
        chargingStartTiming(result, vehicle.chargingStart(settings.silence()),
                charger.chargingStart(settings.silence()));
        Instant bothPlugged = later(vehiclePlug.firstAfter(), chargerPlug.firstAfter());
        stateAgreement(result, vehicle.since(later(bothPlugged, comparedSince(vehicle))), charger);
        if (result.lacks("charge-rate")) {
            latestRates(result, vehicle.latest(), charger);
        }
        location(result, vehicle.since(vehiclePlug.firstAfter()), chargerLocation, vehicleHome);
        memory(result, memory);
        return result.build();
    }

    private void plugInTiming(Assessment.Builder result, Marks vehicle, Marks charger) {
        Duration tolerance = settings.clockTolerance();
        if (charger.bounded() && vehicle.firstAfter().plus(tolerance).isBefore(charger.lastBefore())) {
            result.ruleOut("plug-in-timing", "vehicle reported plugged in at %s, charger still unplugged at %s"
                    .formatted(vehicle.firstAfter(), charger.lastBefore()), -1.5);
            return;
        }
        if (vehicle.bounded() && charger.firstAfter().plus(tolerance).isBefore(vehicle.lastBefore())) {
            result.ruleOut("plug-in-timing", "charger reported plugged in at %s, vehicle still unplugged at %s"
                    .formatted(charger.firstAfter(), vehicle.lastBefore()), -1.5);
            return;
        }
        if (!vehicle.bounded() || !charger.bounded()) {
            result.add("plug-in-timing", "plug-in time unknown for " + (vehicle.bounded() ? "charger" : "vehicle"), 0);
            return;
        }
        Duration apart = Duration.between(vehicle.firstAfter(), charger.firstAfter()).abs();
        String detail = "both reported plug-in %ss apart".formatted(apart.toSeconds());
        if (apart.compareTo(settings.nearPlugIn()) <= 0) {
            result.add("plug-in-timing", detail, 0.6);
        } else if (apart.compareTo(settings.closePlugIn()) <= 0) {
            result.add("plug-in-timing", detail, 0.3);
        } else {
            result.add("plug-in-timing", detail + " (intervals overlap)", 0.1);
        }
    }

    private void chargingStartTiming(Assessment.Builder result, Marks vehicle, Marks charger) {
        if (vehicle == null || charger == null || !vehicle.bounded() || !charger.bounded()) {
            return;
        }
        Duration tolerance = settings.clockTolerance();
        if (vehicle.firstAfter().plus(tolerance).isBefore(charger.lastBefore())
                || charger.firstAfter().plus(tolerance).isBefore(vehicle.lastBefore())) {
            result.ruleOut("charging-start-timing", "charging started at different times (vehicle by %s, charger by %s)"
                    .formatted(vehicle.firstAfter(), charger.firstAfter()), -1.0);
            return;
        }
        Duration apart = Duration.between(vehicle.firstAfter(), charger.firstAfter()).abs();
        if (apart.compareTo(settings.nearPlugIn()) <= 0) {
            result.add("charging-start-timing", "both reported charging start %ss apart".formatted(apart.toSeconds()),
                    0.3);
        }
    }

    /**
     * Each vehicle report compared with what the charger reported around it, where the charger's reports on both
     * sides agree (so clock skew cannot fake a disagreement): charging state, and the charge rate (the vehicle's own
     * measurement is the wall power less the on-board losses).
     */
    private void stateAgreement(Assessment.Builder result, List<Observation> vehicleReports, Timeline charger) {
        int agree = 0;
        int disagree = 0;
        int rateMatches = 0;
        int rateMismatches = 0;
        String disagreement = null;
        String mismatch = null;
        for (Observation v : vehicleReports) {
            if (v.charging() == null) {
                continue;
            }
            ChargerAround around = ChargerAround.of(charger, v.observedAt(), settings.clockTolerance(),
                    settings.stateWindow());
            if (around == null) {
                continue;
            }
            if (around.charging() == v.isCharging()) {
                agree++;
            } else {
                disagree++;
                disagreement = "at %s the vehicle reported %s while the charger was %s".formatted(v.observedAt(),
                        v.isCharging() ? "charging" : "not charging", around.charging() ? "charging" : "idle");
            }
            Double ratio = around.rateRatio(v);
            if (ratio != null) {
                if (matches(ratio)) {
                    rateMatches++;
                } else if (ratio < 0.72 || ratio > 1.1) {
                    rateMismatches++;
                    mismatch = "at %s the vehicle measured %.2f kW, the charger %.2f kW".formatted(v.observedAt(),
                            v.rateKw(), around.rateKw());
                }
            }
        }
        if (disagree > 0) {
            result.ruleOut("charging-state", disagreement + " (" + disagree + " of " + (agree + disagree) + ")",
                    -0.8 * disagree);
        } else if (agree > 0) {
            result.add("charging-state", "charging state agreed in " + agree + " reports", 0.1 * Math.min(agree, 3));
        }
        if (rateMismatches >= 2) {
            result.ruleOut("charge-rate", mismatch + " (" + rateMismatches + " mismatches)", -1.0);
        } else if (rateMatches > 0) {
            result.add("charge-rate", "vehicle rate matched the wall measurement less losses in " + rateMatches
                    + " reports" + (rateMismatches > 0 ? " (1 outlier)" : ""),
                    0.25 * Math.min(rateMatches, 3) - 0.25 * rateMismatches);
        }
    }

    /**
     * The vehicle's position against where the charger is known to be; while that is not known, against where the
     * vehicle rests plugged in for hours (home, where a household's chargers presumably are): a charger elsewhere is
     * activated only once a person confirms it, which teaches its location.
     */
    /**
     * Before any full comparison is possible (that needs the charger's reports on both sides of the vehicle's report,
     * a minute or two later), the vehicle's newest rate against the charger's newest reading around it: a small
     * score, but it corroborates the timing at once.
     */
    private void latestRates(Assessment.Builder result, Observation vehicle, Timeline charger) {
        if (!vehicle.isCharging() || vehicle.rateKw() == null) {
            return;
        }
        List<Observation> around = charger.between(vehicle.observedAt().minus(settings.stateWindow()),
                vehicle.observedAt().plus(settings.stateWindow()));
        if (around.isEmpty()) {
            return;
        }
        Observation reading = around.getLast();
        if (reading.isCharging() && reading.rateKw() != null && reading.rateKw() >= 0.5) {
            double ratio = vehicle.rateKw() / reading.rateKw();
            if (matches(ratio)) {
                result.add("charge-rate", "the vehicle's latest rate (%.2f kW) fits the charger's reading (%.2f kW)"
                        .formatted(vehicle.rateKw(), reading.rateKw()), 0.1);
            }
        }
    }

    private void location(Assessment.Builder result, List<Observation> vehicleReports,
            LearnedLocation chargerLocation, LearnedLocation vehicleHome) {
        GeoLocation at = null;
        for (Observation o : vehicleReports) {
            if (o.location() != null) {
                at = o.location();
            }
        }
        if (at == null) {
            return;
        }
        boolean chargerKnown = chargerLocation != null && chargerLocation.trusted();
        String detail = null;
        if (chargerKnown) {
            double meters = Geo.metersBetween(at, chargerLocation.centre());
            detail = "vehicle is %.0f m from the charger's learned location (%d of %d fixes agree)".formatted(meters,
                    chargerLocation.agreeing(), chargerLocation.fixes());
            if (meters <= settings.nearChargerMeters()) {
                result.add("location", detail, 0.5);
                return;
            }
            if (meters >= settings.farFromChargerMeters() && chargerLocation.canRuleOut()) {
                result.ruleOut("location", detail, -2.0);
                return;
            }
        }
        double fromHome = vehicleHome == null ? 0 : Geo.metersBetween(at, vehicleHome.centre());
        // unlike a charger's learned location, the resting place comes from the vehicle's own reports, never from a
        // pairing decision, so a mistaken activation cannot have taught it: most of its fixes agreeing is enough
        if (vehicleHome != null && vehicleHome.trusted() && fromHome >= settings.farFromChargerMeters()) {
            result.ruleOut("location", ("vehicle is %.0f m from where it rests plugged in, and the charger's location is"
                    + " not established yet").formatted(fromHome), -1.0);
        } else if (chargerKnown) {
            result.add("location", detail, -0.2);
        }
    }

    private static void memory(Assessment.Builder result, PairMemory memory) {
        if (memory.verdict() == Verdict.REJECTED) {
            result.ruleOut("person", "rejected by a person at " + memory.verdictAt(), -3.0);
        } else if (memory.verdict() == Verdict.CONFIRMED) {
            result.add("person", "confirmed by a person at " + memory.verdictAt(), 0.5);
        }
        if (memory.sharedEpisodes() > 0) {
            result.add("history", "plugged in and out together " + memory.sharedEpisodes() + " times before",
                    0.1 * Math.min(memory.sharedEpisodes(), 3));
        }
    }

    /** Only recent reports are compared: older charger reports are thinned, so older comparisons would be partial. */
    private Instant comparedSince(Timeline vehicle) {
        return vehicle.latest().observedAt().minus(settings.recentWindow()).plus(settings.stateWindow())
                .plus(settings.clockTolerance());
    }

    /** The vehicle's own rate against the wall: on-board losses of 5–20 %, a few percent of measurement noise. */
    private static boolean matches(double ratio) {
        return ratio >= 0.78 && ratio <= 1.05;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
