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
    private final DetectorSettings.Reports reports;

    Assessor(DetectorSettings settings) {
        this.settings = settings;
        this.reports = settings.reports();
    }

    /**
     * @param chargerLocation where the charger is known to be (learned), or null
     * @param ratesComparable both devices report charge rates
     * @param vehicleClock what the vehicle's clock is off by (learned; its reports' times less this are the
     *        charger's)
     */
    Assessment assess(Timeline vehicle, Timeline charger, LearnedLocation chargerLocation,
            LearnedLocation vehicleHome, PairMemory memory, boolean ratesComparable, Duration vehicleClock) {
        Assessment.Builder result = new Assessment.Builder().ratesComparable(ratesComparable);
        Marks vehiclePlug = vehicle.plugIn(reports.silence());
        Marks chargerPlug = charger.plugIn(reports.silence());
        plugInTiming(result, vehiclePlug.shifted(vehicleClock), chargerPlug);
        chargingStartTiming(result, Marks.shifted(vehicle.chargingStart(reports.silence()), vehicleClock),
                charger.chargingStart(reports.silence()));
        Instant bothPlugged = later(vehiclePlug.firstAfter(), chargerPlug.firstAfter().plus(vehicleClock));
        stateAgreement(result, vehicle.since(later(bothPlugged, comparedSince(vehicle))), charger, vehicleClock);
        if (result.lacks(Signal.CHARGE_RATE)) {
            latestRates(result, vehicle.latest(), charger, vehicleClock);
        }
        location(result, vehicle.latestFixSince(vehiclePlug.firstAfter()), chargerLocation, vehicleHome);
        memory(result, memory);
        return result.build();
    }

    private void plugInTiming(Assessment.Builder result, Marks vehicle, Marks charger) {
        DetectorSettings.PlugInTiming rule = settings.plugInTiming();
        Duration tolerance = reports.clockTolerance();
        if (charger.bounded() && vehicle.firstAfter().plus(tolerance).isBefore(charger.lastBefore())) {
            result.ruleOut(Signal.PLUG_IN_TIMING, "vehicle reported plugged in at %s, charger still unplugged at %s"
                    .formatted(vehicle.firstAfter(), charger.lastBefore()), rule.ruleOut());
            return;
        }
        if (vehicle.bounded() && charger.firstAfter().plus(tolerance).isBefore(vehicle.lastBefore())) {
            result.ruleOut(Signal.PLUG_IN_TIMING, "charger reported plugged in at %s, vehicle still unplugged at %s"
                    .formatted(charger.firstAfter(), vehicle.lastBefore()), rule.ruleOut());
            return;
        }
        if (!vehicle.bounded() || !charger.bounded()) {
            result.add(Signal.PLUG_IN_TIMING, "plug-in time unknown for " + (vehicle.bounded() ? "charger" : "vehicle"),
                    0);
            return;
        }
        Duration apart = Duration.between(vehicle.firstAfter(), charger.firstAfter()).abs();
        String detail = "both reported plug-in %ss apart".formatted(apart.toSeconds());
        if (apart.compareTo(rule.near()) <= 0) {
            result.add(Signal.PLUG_IN_TIMING, detail, rule.nearScore());
        } else if (apart.compareTo(rule.close()) <= 0) {
            result.add(Signal.PLUG_IN_TIMING, detail, rule.closeScore());
        } else {
            result.add(Signal.PLUG_IN_TIMING, detail + " (intervals overlap)", rule.overlapScore());
        }
    }

    private void chargingStartTiming(Assessment.Builder result, Marks vehicle, Marks charger) {
        if (vehicle == null || charger == null || !vehicle.bounded() || !charger.bounded()) {
            return;
        }
        DetectorSettings.ChargingStartTiming rule = settings.chargingStartTiming();
        Duration tolerance = reports.clockTolerance();
        if (vehicle.firstAfter().plus(tolerance).isBefore(charger.lastBefore())
                || charger.firstAfter().plus(tolerance).isBefore(vehicle.lastBefore())) {
            result.ruleOut(Signal.CHARGING_START_TIMING,
                    "charging started at different times (vehicle by %s, charger by %s)".formatted(vehicle.firstAfter(),
                            charger.firstAfter()),
                    rule.ruleOut());
            return;
        }
        Duration apart = Duration.between(vehicle.firstAfter(), charger.firstAfter()).abs();
        if (apart.compareTo(rule.near()) <= 0) {
            result.add(Signal.CHARGING_START_TIMING,
                    "both reported charging start %ss apart".formatted(apart.toSeconds()), rule.score());
        }
    }

    /**
     * Each vehicle report compared with what the charger reported around it, where the charger's reports on both
     * sides agree (so clock skew cannot fake a disagreement): charging state, and the charge rate (the vehicle's own
     * measurement is the wall power less the on-board losses).
     */
    private void stateAgreement(Assessment.Builder result, List<Observation> vehicleReports, Timeline charger,
            Duration vehicleClock) {
        DetectorSettings.ChargingState state = settings.chargingState();
        DetectorSettings.ChargeRate rates = settings.chargeRate();
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
            ChargerAround around = ChargerAround.of(charger, v.observedAt().minus(vehicleClock), reports, rates);
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
            Double ratio = around.rateRatio(v, rates);
            if (ratio != null) {
                if (rates.match().contains(ratio)) {
                    rateMatches++;
                } else if (!rates.tolerated().contains(ratio)) {
                    rateMismatches++;
                    mismatch = "at %s the vehicle measured %.2f kW, the charger %.2f kW".formatted(v.observedAt(),
                            v.rateKw(), around.rateKw());
                }
            }
        }
        if (disagree > 0) {
            result.ruleOut(Signal.CHARGING_STATE, disagreement + " (" + disagree + " of " + (agree + disagree) + ")",
                    state.disagreeScore() * disagree);
        } else if (agree > 0) {
            result.add(Signal.CHARGING_STATE, "charging state agreed in " + agree + " reports",
                    state.agreeScore() * Math.min(agree, state.maxAgreeing()));
        }
        if (rateMismatches >= rates.mismatchesToRuleOut()) {
            result.ruleOut(Signal.CHARGE_RATE, mismatch + " (" + rateMismatches + " mismatches)", rates.ruleOut());
        } else if (rateMismatches > 0 && rateMatches == 0) {
            // a measurement that disagreed, and none that agreed: nothing corroborates yet
            result.add(Signal.CHARGE_RATE, mismatch, rates.outlierScore() * rateMismatches);
        } else if (rateMatches > 0) {
            result.add(Signal.CHARGE_RATE, "vehicle rate matched the wall measurement less losses in " + rateMatches
                    + " reports" + (rateMismatches > 0 ? " (" + rateMismatches + " outlier)" : ""),
                    rates.matchScore() * Math.min(rateMatches, rates.maxMatches())
                            + rates.outlierScore() * rateMismatches);
        }
    }

    /**
     * Before any full comparison is possible (that needs the charger's reports on both sides of the vehicle's report,
     * a minute or two later), the vehicle's newest rate against the charger's newest reading around it: a small
     * score, but it corroborates the timing at once.
     */
    private void latestRates(Assessment.Builder result, Observation vehicle, Timeline charger,
            Duration vehicleClock) {
        DetectorSettings.ChargeRate rates = settings.chargeRate();
        if (!vehicle.isCharging() || vehicle.rateKw() == null) {
            return;
        }
        Instant at = vehicle.observedAt().minus(vehicleClock);
        List<Observation> around = charger.between(at.minus(reports.stateWindow()), at.plus(reports.stateWindow()));
        if (around.isEmpty()) {
            return;
        }
        Observation reading = around.getLast();
        if (reading.isCharging() && reading.rateKw() != null && reading.rateKw() >= rates.minWallKw()) {
            double ratio = vehicle.rateKw() / reading.rateKw();
            if (rates.match().contains(ratio)) {
                result.add(Signal.CHARGE_RATE, "the vehicle's latest rate (%.2f kW) fits the charger's reading (%.2f kW)"
                        .formatted(vehicle.rateKw(), reading.rateKw()), rates.latestScore());
            }
        }
    }

    /**
     * The vehicle's position against where the charger is known to be; while that is not known, against where the
     * vehicle rests plugged in for hours (home, where a household's chargers presumably are): a charger elsewhere is
     * activated only once a person confirms it, which teaches its location.
     */

    private void location(Assessment.Builder result, GeoLocation at, LearnedLocation chargerLocation,
            LearnedLocation vehicleHome) {
        DetectorSettings.Location place = settings.location();
        if (at == null) {
            return;
        }
        boolean chargerKnown = chargerLocation != null && chargerLocation.trusted();
        String detail = null;
        if (chargerKnown) {
            double meters = Geo.metersBetween(at, chargerLocation.centre());
            detail = "vehicle is %.0f m from the charger's learned location (%d of %d fixes agree)".formatted(meters,
                    chargerLocation.agreeing(), chargerLocation.fixes());
            if (meters <= place.nearMeters()) {
                result.add(Signal.LOCATION, detail, place.nearScore());
                return;
            }
            if (meters >= place.farMeters() && chargerLocation.canRuleOut()) {
                result.ruleOut(Signal.LOCATION, detail, place.farRuleOut());
                return;
            }
        }
        double fromHome = vehicleHome == null ? 0 : Geo.metersBetween(at, vehicleHome.centre());
        // unlike a charger's learned location, the resting place comes from the vehicle's own reports, never from a
        // pairing decision, so a mistaken activation cannot have taught it: most of its fixes agreeing is enough
        if (vehicleHome != null && vehicleHome.trusted() && fromHome >= place.farMeters()) {
            result.ruleOut(Signal.LOCATION, ("vehicle is %.0f m from where it rests plugged in, and the charger's"
                    + " location is not established yet").formatted(fromHome), place.awayFromRestRuleOut());
        } else if (chargerKnown) {
            result.add(Signal.LOCATION, detail, place.elsewhereScore());
        }
    }

    private void memory(Assessment.Builder result, PairMemory memory) {
        if (memory.verdict() == Verdict.REJECTED) {
            result.ruleOut(Signal.PERSON, "rejected by a person at " + memory.verdictAt(),
                    settings.person().rejectRuleOut());
        } else if (memory.verdict() == Verdict.CONFIRMED) {
            result.add(Signal.PERSON, "confirmed by a person at " + memory.verdictAt(),
                    settings.person().confirmScore());
        }
        if (memory.sharedEpisodes() > 0) {
            DetectorSettings.History history = settings.history();
            result.add(Signal.HISTORY, "plugged in and out together " + memory.sharedEpisodes() + " times before",
                    history.perEpisode() * Math.min(memory.sharedEpisodes(), history.maxEpisodes()));
        }
    }

    /** Only recent reports are compared: older charger reports are thinned, so older comparisons would be partial. */
    private Instant comparedSince(Timeline vehicle) {
        return vehicle.latest().observedAt().minus(reports.recentWindow()).plus(reports.stateWindow())
                .plus(reports.clockTolerance());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
