package io.plugmate.benchmarks.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one scenario class (or of all of them merged).
 *
 * @param sessions ground-truth plug sessions of a linked vehicle at a linked wallbox of its household
 * @param longSessions of those, the ones of at least 15 minutes
 * @param activations pair activations the detector published
 * @param correctActivations activations of a vehicle and charger that were plugged together at that moment
 * @param found sessions with a correct activation of their pair during the session
 * @param latencyMillis per found session: from the later device's first plug-in report to the activation (delivery
 *        times)
 * @param latencyReports per found session: reports of the two devices processed after that first plug-in report up
 *        to and including the one that activated
 * @param sincePlugInMillis per found session: from the true plug-in to the activation (what a user waits)
 * @param falseLastedMillis per false activation: how long it held until withdrawn (processing time)
 * @param ambiguousSessions sessions during which the pair or a rival was AMBIGUOUS
 * @param guestVisits ground-truth visits of an unknown car to a linked wallbox (chances of a false activation)
 * @param publicSessions ground-truth sessions of a linked car at a public charger
 * @param records records fed to the detector
 */
public record ScenarioScore(String scenario, int sessions, int longSessions, int activations, int correctActivations,
        int found, int foundLong, List<Long> latencyMillis, List<Integer> latencyReports, List<Long> sincePlugInMillis,
        List<Long> falseLastedMillis, int ambiguousSessions,
        Map<FalseCause, Integer> falseByCause, Map<MissCause, Integer> missesByCause, int guestVisits,
        int publicSessions, long records, long parseNanos, long detectNanos) {

    public ScenarioScore {
        latencyMillis = List.copyOf(latencyMillis);
        latencyReports = List.copyOf(latencyReports);
        sincePlugInMillis = List.copyOf(sincePlugInMillis);
        falseLastedMillis = List.copyOf(falseLastedMillis);
        falseByCause = copy(falseByCause, FalseCause.class);
        missesByCause = copy(missesByCause, MissCause.class);
    }

    public int falseActivations() {
        return activations - correctActivations;
    }

    public int missed() {
        return sessions - found;
    }

    /** NaN when nothing was activated. */
    public double precision() {
        return activations == 0 ? Double.NaN : (double) correctActivations / activations;
    }

    public double recall() {
        return sessions == 0 ? Double.NaN : (double) found / sessions;
    }

    public double recallLong() {
        return longSessions == 0 ? Double.NaN : (double) foundLong / longSessions;
    }

    public double ambiguousShare() {
        return sessions == 0 ? Double.NaN : (double) ambiguousSessions / sessions;
    }

    public double latencySeconds(double percentile) {
        return Percentiles.of(latencyMillis, percentile) / 1000.0;
    }

    public double sincePlugInSeconds(double percentile) {
        return Percentiles.of(sincePlugInMillis, percentile) / 1000.0;
    }

    public double falseLastedSeconds(double percentile) {
        return Percentiles.of(falseLastedMillis, percentile) / 1000.0;
    }

    public double latencyReports(double percentile) {
        return Percentiles.of(latencyReports, percentile);
    }

    public double eventsPerSecond() {
        return detectNanos == 0 ? Double.NaN : records / (detectNanos / 1e9);
    }

    public double parsedPerSecond() {
        return parseNanos == 0 ? Double.NaN : records / (parseNanos / 1e9);
    }

    /** The same figures under another name (a source's overall row). */
    public ScenarioScore withName(String name) {
        return new ScenarioScore(name, sessions, longSessions, activations, correctActivations, found, foundLong,
                latencyMillis, latencyReports, sincePlugInMillis, falseLastedMillis, ambiguousSessions, falseByCause,
                missesByCause, guestVisits, publicSessions, records, parseNanos, detectNanos);
    }

    /** All classes together: counts added, latencies pooled. */
    public static ScenarioScore overall(String name, List<ScenarioScore> scores) {
        int sessions = 0, longSessions = 0, activations = 0, correct = 0, found = 0, foundLong = 0, ambiguous = 0;
        int guests = 0, publics = 0;
        long records = 0, parse = 0, detect = 0;
        List<Long> millis = new ArrayList<>();
        List<Integer> reports = new ArrayList<>();
        List<Long> sincePlugIn = new ArrayList<>();
        List<Long> falseLasted = new ArrayList<>();
        Map<FalseCause, Integer> falses = new EnumMap<>(FalseCause.class);
        Map<MissCause, Integer> misses = new EnumMap<>(MissCause.class);
        for (ScenarioScore s : scores) {
            sessions += s.sessions;
            longSessions += s.longSessions;
            activations += s.activations;
            correct += s.correctActivations;
            found += s.found;
            foundLong += s.foundLong;
            ambiguous += s.ambiguousSessions;
            guests += s.guestVisits;
            publics += s.publicSessions;
            records += s.records;
            parse += s.parseNanos;
            detect += s.detectNanos;
            millis.addAll(s.latencyMillis);
            reports.addAll(s.latencyReports);
            sincePlugIn.addAll(s.sincePlugInMillis);
            falseLasted.addAll(s.falseLastedMillis);
            s.falseByCause.forEach((k, v) -> falses.merge(k, v, Integer::sum));
            s.missesByCause.forEach((k, v) -> misses.merge(k, v, Integer::sum));
        }
        return new ScenarioScore(name, sessions, longSessions, activations, correct, found, foundLong, millis, reports,
                sincePlugIn, falseLasted, ambiguous, falses, misses, guests, publics, records, parse, detect);
    }

    private static <K extends Enum<K>> Map<K, Integer> copy(Map<K, Integer> counts, Class<K> type) {
        Map<K, Integer> all = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            all.put(k, counts.getOrDefault(k, 0));
        }
        return java.util.Collections.unmodifiableMap(all);
    }
}
