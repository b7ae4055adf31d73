package io.plugmate.pairing.domain;

import java.time.Duration;

/**
 * Every number the detector decides with, in one place: windows, weights, bands and thresholds, grouped by the signal
 * they belong to. The defaults are what the accuracy benchmark measured; the module README lists each of them (a test
 * compares that table with {@link #defaults()}). Change them only with a new benchmark run.
 */
public record DetectorSettings(Inputs inputs, Reports reports, Clock clock, PlugInTiming plugInTiming,
        ChargingStartTiming chargingStartTiming, ChargingState chargingState, ChargeRate chargeRate, Location location,
        Person person, History history, Decision decision) {

    public static DetectorSettings defaults() {
        return new DetectorSettings(
                new Inputs(Duration.ofMinutes(15), Duration.ofSeconds(2)),
                new Reports(Duration.ofSeconds(90), Duration.ofSeconds(150), Duration.ofMinutes(20),
                        Duration.ofMinutes(45), Duration.ofHours(24), 2000),
                new Clock(10, 2, Duration.ofMinutes(10), Duration.ofMinutes(30)),
                new PlugInTiming(Duration.ofMinutes(4), Duration.ofMinutes(10), 0.6, 0.3, 0.1, -1.5),
                new ChargingStartTiming(Duration.ofMinutes(4), 0.3, -1.0),
                new ChargingState(0.1, 3, -0.8),
                new ChargeRate(new Band(0.78, 1.05), new Band(0.72, 1.1), 0.25, 3, -0.25, 2, -1.0, 0.1, 0.5, 0.1),
                new Location(200, 1000, 0.5, -2.0, -1.0, -0.2, 2, 20, Duration.ofHours(4), Duration.ofHours(4), 3),
                new Person(0.5, -3.0),
                new History(0.1, 3),
                new Decision(0.6, 0.3, 0.6, Duration.ofMinutes(6), Duration.ofMinutes(10), 0.5, 0.99));
    }

    /** A closed range of a ratio. */
    public record Band(double low, double high) {

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /**
     * How a user's inputs from the three topics are put in order (ADR 0008).
     *
     * @param maxSkew an input waits for the other input streams to show something as new, but not once they have been
     *        silent this long (by the inputs' {@code occurredAt}) while its own stream went on: consumers further
     *        apart than this are no longer evened out
     * @param concurrent a wallbox's report produced less than this after a car's report but dated before it is taken
     *        first: so close together, their production order says nothing (two hosts' clocks, or both services
     *        sending a backlog at once after an outage)
     */
    public record Inputs(Duration maxSkew, Duration concurrent) {
    }

    /**
     * How reports are kept and compared.
     *
     * @param clockTolerance how far two devices' clocks (and so their event times) may disagree
     * @param stateWindow a vehicle report is compared with the charger's reports this far either side of it
     * @param silence a device silent this long (a sleeping car) may have been unplugged and plugged in meanwhile
     * @param recentWindow reports this recent are kept whole (older ones only around changes of state) and compared
     * @param memory reports older than this are forgotten, except the start of the current plug-in
     * @param capacity reports kept per device at most
     */
    public record Reports(Duration clockTolerance, Duration stateWindow, Duration silence, Duration recentWindow,
            Duration memory, int capacity) {
    }

    /**
     * Learning a vehicle's clock offset from plug-ins it ended together with a charger ({@link VehicleClock}).
     *
     * @param episodesKept the latest episodes kept per vehicle
     * @param agreeingToLearn a correction needs at least this many episodes (and most of them) to agree
     * @param maxOffset a larger apparent offset is not a clock but a mistake: not applied
     * @param widestBound an episode whose reports bound the offset less tightly than this teaches nothing
     */
    public record Clock(int episodesKept, int agreeingToLearn, Duration maxOffset, Duration widestBound) {
    }

    /**
     * {@link Signal#PLUG_IN_TIMING}: the two devices' first plug-in reports.
     *
     * @param near this close: strong evidence ({@code nearScore})
     * @param close this close: some evidence ({@code closeScore}); further apart but overlapping: {@code overlapScore}
     * @param ruleOut one side plugged in while the other still reported unplugged afterwards
     */
    public record PlugInTiming(Duration near, Duration close, double nearScore, double closeScore,
            double overlapScore, double ruleOut) {
    }

    /**
     * {@link Signal#CHARGING_START_TIMING}: the two devices' first charging reports of the plug-in.
     *
     * @param near this close: {@code score}
     * @param ruleOut charging started at clearly different times
     */
    public record ChargingStartTiming(Duration near, double score, double ruleOut) {
    }

    /**
     * {@link Signal#CHARGING_STATE}: each vehicle report's charging flag against the charger's around it.
     *
     * @param agreeScore per agreeing report, for at most {@code maxAgreeing} of them
     * @param disagreeScore per disagreeing report; any disagreement rules the pair out
     */
    public record ChargingState(double agreeScore, int maxAgreeing, double disagreeScore) {
    }

    /**
     * {@link Signal#CHARGE_RATE}: the vehicle's own rate ÷ the charger's wall measurement.
     *
     * @param match the ratio of a vehicle drawing from this wall (on-board losses of 5–20 %, a few percent of noise)
     * @param tolerated outside this band a ratio is a mismatch (between the bands: neither)
     * @param matchScore per matching report, for at most {@code maxMatches}; a single mismatch costs {@code outlierScore}
     * @param mismatchesToRuleOut this many mismatches rule the pair out ({@code ruleOut})
     * @param latestScore before a full comparison is possible: the vehicle's latest rate against the charger's reading
     * @param minWallKw wall readings below this mean nothing (standby draw); also the floor of the steadiness test
     * @param steadyTolerance a wall rate counts only when its readings on both sides differ by at most this share
     */
    public record ChargeRate(Band match, Band tolerated, double matchScore, int maxMatches, double outlierScore,
            int mismatchesToRuleOut, double ruleOut, double latestScore, double minWallKw, double steadyTolerance) {
    }

    /**
     * {@link Signal#LOCATION}: the vehicle's GPS fix against the charger's learned location, or before that is
     * established, against where the vehicle rests plugged in.
     *
     * @param nearMeters this close to the charger's learned location: {@code nearScore}
     * @param farMeters this far from it (learned by at least {@code fixesToRuleOut} fixes): {@code farRuleOut}; this far
     *        from the vehicle's resting place while the charger's location is unknown: {@code awayFromRestRuleOut}
     * @param elsewhereScore the charger's location is known, the vehicle is neither near nor provably far
     * @param fixesKept learned fixes kept per charger (and resting places per vehicle)
     * @param restingPlugIn a vehicle plugged in this long is resting at home, presumably (where its chargers are)
     * @param restingParked so is a vehicle standing still this long, plugged in or not, through the night...
     * @param nightHour ...that is across this hour of local (solar) time
     */
    public record Location(double nearMeters, double farMeters, double nearScore, double farRuleOut,
            double awayFromRestRuleOut, double elsewhereScore, int fixesToRuleOut, int fixesKept,
            Duration restingPlugIn, Duration restingParked, int nightHour) {
    }

    /** {@link Signal#PERSON}: a person's verdict on the pair. */
    public record Person(double confirmScore, double rejectRuleOut) {
    }

    /** {@link Signal#HISTORY}: plugged in and out together before, {@code perEpisode} each, at most {@code maxEpisodes}. */
    public record History(double perEpisode, int maxEpisodes) {
    }

    /**
     * Turning scores into states.
     *
     * @param activateScore a candidate pair activates at this total score, when nothing else is plausible
     * @param plausibleScore a rival at this score (and not ruled out) makes the decision ambiguous
     * @param dominance ...unless the pair leads the rival by at least this much on settled evidence
     * @param rivalWait another device of the user that has not reported since the plug-in (a look-alike may be the one
     *        plugged in here) holds an activation up until it reports, for at most this long after the plug-in
     * @param unplugTogether both devices reporting the unplug this close: plugged in and out together
     * @param confidenceScale confidence is {@code score / (score + confidenceScale)}...
     * @param confidenceCap ...at most this (1.0 only when a person confirmed)
     */
    public record Decision(double activateScore, double plausibleScore, double dominance, Duration rivalWait,
            Duration unplugTogether,
            double confidenceScale, double confidenceCap) {
    }
}
