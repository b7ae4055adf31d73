package io.plugmate.benchmarks.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.TruthInterval;
import io.plugmate.events.Evidence;

/**
 * Scores a detector trace against the ground truth.
 *
 * <ul>
 * <li>An activation of (vehicle, charger) is <b>correct</b> when the truth has that vehicle plugged into that charger
 * at the activation's processing time (the delivery time of the record that caused it). Any other activation is
 * false, however short-lived — one made after the unplug included: each would have unlocked commands to a charger
 * that did not hold the car. How long each false activation held is kept.</li>
 * <li>A session (a linked vehicle at a linked wallbox of its household) is <b>found</b> when its pair has a correct
 * activation during it (plug-in to unplug).</li>
 * <li><b>Latency</b> runs from the later device's first plug-in report (its delivery time) to the activation; in
 * reports, it counts the two devices' records processed after that report up to and including the activating one.
 * Also kept: the time from the true plug-in to the activation, which includes the devices' own reporting delays.</li>
 * </ul>
 */
public final class Scoring {

    /**
     * How long after a session's end its reports and transitions still belong to it (an unplug report may still be on
     * its way): for telling why a session was missed or ambiguous. Never counts an activation as correct.
     */
    public static final Duration SLACK = Duration.ofMinutes(5);
    /** A plug-in report measured this much before the true plug-in still belongs to it (vehicle clocks are off). */
    public static final Duration SKEW = Duration.ofSeconds(90);
    public static final Duration LONG_SESSION = Duration.ofMinutes(15);
    /** An activation this long after the unplug is still counted as that session's, only too late. */
    private static final Duration TOO_LATE_WINDOW = Duration.ofHours(1);

    public record Result(ScenarioScore score, Cases cases) {
    }

    private final GroundTruth truth;
    private final DetectorTrace trace;
    private final Instant worldEnd;
    private final Map<String, List<TruthInterval>> byVehicle = new HashMap<>();
    private final Map<String, List<TruthInterval>> byCharger = new HashMap<>();
    private final List<ActiveSpan> spans = new ArrayList<>();
    private final Map<String, List<PairChange>> changesByVehicle = new HashMap<>();
    private final Map<String, List<PairChange>> changesByCharger = new HashMap<>();
    private final Map<String, String> vendorOf = new HashMap<>();

    private Scoring(GroundTruth truth, DetectorTrace trace) {
        this.truth = truth;
        this.trace = trace;
        this.worldEnd = truth.header().end();
        for (TruthInterval t : truth.intervals()) {
            byVehicle.computeIfAbsent(t.vehicleId(), k -> new ArrayList<>()).add(t);
            byCharger.computeIfAbsent(t.chargerId(), k -> new ArrayList<>()).add(t);
        }
        spans.addAll(ActiveSpan.of(trace.changes(), worldEnd));
        truth.header().households().forEach(h -> {
            h.vehicles().forEach(d -> vendorOf.put(d.id(), d.vendor()));
            h.chargers().forEach(d -> vendorOf.put(d.id(), d.vendor()));
        });
        for (PairChange c : trace.changes()) {
            changesByVehicle.computeIfAbsent(c.vehicleId(), k -> new ArrayList<>()).add(c);
            changesByCharger.computeIfAbsent(c.chargerId(), k -> new ArrayList<>()).add(c);
        }
    }

    public static Result score(String scenario, GroundTruth truth, DetectorTrace trace) {
        return new Scoring(truth, trace).run(scenario);
    }

    private Result run(String scenario) {
        List<PairChange> activations = trace.changes().stream().filter(PairChange::isActivation).toList();
        Map<FalseCause, Integer> falseByCause = new EnumMap<>(FalseCause.class);
        List<Cases.FalseActivation> falses = new ArrayList<>();
        List<Long> falseLasted = new ArrayList<>();
        int correct = 0;
        for (PairChange a : activations) {
            if (correct(a)) {
                correct++;
            } else {
                Cases.FalseActivation f = falseActivation(a);
                falseByCause.merge(f.cause(), 1, Integer::sum);
                falses.add(f);
                falseLasted.add(f.lasted().toMillis());
            }
        }

        int sessions = 0, longSessions = 0, found = 0, foundLong = 0, ambiguous = 0;
        List<Long> latencyMillis = new ArrayList<>();
        List<Integer> latencyReports = new ArrayList<>();
        List<Long> sincePlugIn = new ArrayList<>();
        Map<MissCause, Integer> missesByCause = new EnumMap<>(MissCause.class);
        List<Cases.Miss> misses = new ArrayList<>();
        List<Cases.Found> founds = new ArrayList<>();
        for (TruthInterval s : truth.intervals()) {
            if (s.kind() != TruthInterval.Kind.HOME) {
                continue;
            }
            Instant end = s.endOr(worldEnd);
            boolean isLong = Duration.between(s.pluggedInAt(), end).compareTo(LONG_SESSION) >= 0;
            sessions++;
            longSessions += isLong ? 1 : 0;
            boolean wasAmbiguous = ambiguousDuring(s, end);
            ambiguous += wasAmbiguous ? 1 : 0;
            PairChange hit = firstActivationDuring(s, end);
            if (hit != null) {
                found++;
                foundLong += isLong ? 1 : 0;
                sincePlugIn.add(Duration.between(s.pluggedInAt(), hit.processedAt()).toMillis());
                Cases.Found f = latency(s, hit);
                if (f != null) {
                    latencyMillis.add(f.latencyMillis());
                    latencyReports.add(f.reports());
                    founds.add(f);
                }
            } else {
                Cases.Miss m = miss(s, end, wasAmbiguous);
                missesByCause.merge(m.cause(), 1, Integer::sum);
                misses.add(m);
            }
        }
        ScenarioScore score = new ScenarioScore(scenario, sessions, longSessions, activations.size(), correct, found,
                foundLong, latencyMillis, latencyReports, sincePlugIn, falseLasted, ambiguous, falseByCause,
                missesByCause,
                count(TruthInterval.Kind.GUEST), count(TruthInterval.Kind.PUBLIC), trace.records(), trace.parseNanos(),
                trace.detectNanos());
        return new Result(score, new Cases(falses, misses, founds));
    }

    private String vendors(String vehicleId, String chargerId) {
        return vendorOf.getOrDefault(vehicleId, "?") + "/" + vendorOf.getOrDefault(chargerId, "?");
    }

    private int count(TruthInterval.Kind kind) {
        return (int) truth.intervals().stream().filter(i -> i.kind() == kind).count();
    }

    private boolean correct(PairChange a) {
        for (TruthInterval t : byVehicle.getOrDefault(a.vehicleId(), List.of())) {
            if (t.kind() == TruthInterval.Kind.HOME && t.chargerId().equals(a.chargerId())
                    && t.covers(a.processedAt(), Duration.ZERO)) {
                return true;
            }
        }
        return false;
    }

    private Cases.FalseActivation falseActivation(PairChange a) {
        Instant t = a.processedAt();
        List<TruthInterval> vehicleNow = covering(byVehicle.get(a.vehicleId()), t);
        List<TruthInterval> chargerNow = covering(byCharger.get(a.chargerId()), t);
        FalseCause cause;
        if (chargerNow.stream().anyMatch(i -> i.kind() == TruthInterval.Kind.GUEST)) {
            cause = FalseCause.GUEST;
        } else if (vehicleNow.stream().anyMatch(i -> i.kind() == TruthInterval.Kind.PUBLIC)) {
            cause = FalseCause.PUBLIC;
        } else if (!vehicleNow.isEmpty() || !chargerNow.isEmpty()) {
            cause = FalseCause.WRONG_PAIR;
        } else if (endedTogetherShortlyBefore(a, t)) {
            cause = FalseCause.AFTER_UNPLUG;
        } else {
            cause = FalseCause.OTHER;
        }
        String truthNote = "vehicle: " + describe(vehicleNow, true) + "; charger: " + describe(chargerNow, false);
        return new Cases.FalseActivation(a.householdId(), a.vehicleId(), a.chargerId(),
                vendors(a.vehicleId(), a.chargerId()), t, lasted(a), a.transition().at(),
                a.recordIndex(), a.transition().confidence(), cause, truthNote, a.transition().reason(),
                evidence(a.transition().evidence()), a.transition().evidence().stream()
                        .map(e -> "%s %+.2f".formatted(e.signal(), e.score())).toList());
    }

    /** How long the activation held (processing time), until its deactivation or the end of the world. */
    private Duration lasted(PairChange a) {
        for (ActiveSpan span : spans) {
            if (span.pairId().equals(a.transition().pairId()) && span.from().equals(a.processedAt())) {
                return Duration.between(span.from(), span.until());
            }
        }
        return Duration.ZERO;
    }

    private boolean endedTogetherShortlyBefore(PairChange a, Instant t) {
        for (TruthInterval i : byVehicle.getOrDefault(a.vehicleId(), List.of())) {
            if (i.chargerId().equals(a.chargerId()) && i.unpluggedAt() != null && i.unpluggedAt().isBefore(t)
                    && i.unpluggedAt().plus(TOO_LATE_WINDOW).isAfter(t)) {
                return true;
            }
        }
        return false;
    }

    private PairChange firstActivationDuring(TruthInterval s, Instant end) {
        for (PairChange c : changesByVehicle.getOrDefault(s.vehicleId(), List.of())) {
            if (c.isActivation() && c.chargerId().equals(s.chargerId())
                    && !c.processedAt().isBefore(s.pluggedInAt()) && !c.processedAt().isAfter(end)) {
                return c;
            }
        }
        return null;
    }

    private boolean ambiguousDuring(TruthInterval s, Instant end) {
        Instant until = end.plus(SLACK);
        for (PairChange c : touching(s)) {
            if (c.isAmbiguous()
                    && !c.processedAt().isBefore(s.pluggedInAt()) && !c.processedAt().isAfter(until)) {
                return true;
            }
        }
        return false;
    }

    /** Null when a device's plug-in report cannot be found (the activation came from something else). */
    private Cases.Found latency(TruthInterval s, PairChange hit) {
        ReportLog vehicle = trace.reportsOf(s.vehicleId());
        ReportLog charger = trace.reportsOf(s.chargerId());
        int v = vehicle.firstPluggedReport(s.pluggedInAt(), hit.processedAt(), SKEW);
        int c = charger.firstPluggedReport(s.pluggedInAt(), hit.processedAt(), SKEW);
        if (v < 0 || c < 0) {
            return null;
        }
        int later = Math.max(vehicle.recordIndex(v), charger.recordIndex(c));
        Instant laterAt = vehicle.recordIndex(v) > charger.recordIndex(c) ? vehicle.deliveredAt(v)
                : charger.deliveredAt(c);
        int reports = vehicle.countBetween(later, hit.recordIndex()) + charger.countBetween(later, hit.recordIndex());
        long millis = Math.max(0, Duration.between(laterAt, hit.processedAt()).toMillis());
        return new Cases.Found(s.householdId(), s.vehicleId(), s.chargerId(), s.pluggedInAt(), laterAt,
                hit.processedAt(), millis, reports);
    }

    private Cases.Miss miss(TruthInterval s, Instant end, boolean wasAmbiguous) {
        MissCause cause;
        if (activeAt(s.vehicleId(), s.chargerId(), s.pluggedInAt())) {
            cause = MissCause.STILL_ACTIVE;
        } else if (heldByAnother(s, end)) {
            cause = MissCause.DEVICE_HELD;
        } else if (wasAmbiguous) {
            cause = MissCause.AMBIGUOUS;
        } else if (activatedAfter(s, end)) {
            cause = MissCause.TOO_LATE;
        } else if (trace.reportsOf(s.vehicleId()).firstPluggedReport(s.pluggedInAt(), end.plus(SLACK), SKEW) < 0
                || trace.reportsOf(s.chargerId()).firstPluggedReport(s.pluggedInAt(), end.plus(SLACK), SKEW) < 0) {
            cause = MissCause.NOT_REPORTED;
        } else {
            cause = MissCause.NOT_CONVINCING;
        }
        return new Cases.Miss(s.householdId(), s.vehicleId(), s.chargerId(), vendors(s.vehicleId(), s.chargerId()),
                s.pluggedInAt(), s.unpluggedAt(),
                Duration.between(s.pluggedInAt(), end), cause, missDetail(s, end));
    }

    private boolean activeAt(String vehicleId, String chargerId, Instant t) {
        return spans.stream().anyMatch(a -> a.vehicleId().equals(vehicleId) && a.chargerId().equals(chargerId)
                && a.from().isBefore(t) && a.until().isAfter(t));
    }

    private boolean heldByAnother(TruthInterval s, Instant end) {
        return spans.stream().anyMatch(a -> !(a.vehicleId().equals(s.vehicleId()) && a.chargerId().equals(s.chargerId()))
                && (a.vehicleId().equals(s.vehicleId()) || a.chargerId().equals(s.chargerId()))
                && a.from().isBefore(end) && a.until().isAfter(s.pluggedInAt()));
    }

    /** A false activation of the pair within the hour after the unplug (a correct one belongs to a later session). */
    private boolean activatedAfter(TruthInterval s, Instant end) {
        Instant from = end;
        Instant to = end.plus(TOO_LATE_WINDOW);
        return changesByVehicle.getOrDefault(s.vehicleId(), List.of()).stream().anyMatch(c -> c.isActivation()
                && c.chargerId().equals(s.chargerId()) && c.processedAt().isAfter(from)
                && c.processedAt().isBefore(to) && !correct(c));
    }

    private String missDetail(TruthInterval s, Instant end) {
        Instant until = end.plus(SLACK);
        ReportLog vehicle = trace.reportsOf(s.vehicleId());
        ReportLog charger = trace.reportsOf(s.chargerId());
        int v = vehicle.firstPluggedReport(s.pluggedInAt(), until, SKEW);
        int c = charger.firstPluggedReport(s.pluggedInAt(), until, SKEW);
        StringBuilder sb = new StringBuilder();
        sb.append("first plug-in report delivered: vehicle ").append(v < 0 ? "none" : vehicle.deliveredAt(v))
                .append(", charger ").append(c < 0 ? "none" : charger.deliveredAt(c));
        sb.append("\n    vehicle reports around the plug-in: ").append(vehicle.around(s.pluggedInAt(), 2, 4));
        sb.append("\n    charger reports around the plug-in: ").append(charger.around(s.pluggedInAt(), 2, 4));
        Instant shownUntil = end.plus(TOO_LATE_WINDOW);
        String transitions = touching(s).stream()
                .filter(x -> !x.processedAt().isBefore(s.pluggedInAt().minus(SLACK))
                        && !x.processedAt().isAfter(shownUntil))
                .map(x -> "%s %s-%s %s->%s (%s)".formatted(x.processedAt(), x.vehicleId(), x.chargerId(),
                        x.transition().from(), x.transition().to(), x.transition().reason()))
                .collect(Collectors.joining("\n      "));
        if (!transitions.isEmpty()) {
            sb.append("\n    transitions (until an hour after the unplug):\n      ").append(transitions);
        }
        return sb.toString();
    }

    /** The changes of every pair with the session's vehicle or charger, in file order. */
    private List<PairChange> touching(TruthInterval s) {
        List<PairChange> all = new ArrayList<>(changesByVehicle.getOrDefault(s.vehicleId(), List.of()));
        for (PairChange c : changesByCharger.getOrDefault(s.chargerId(), List.of())) {
            if (!c.vehicleId().equals(s.vehicleId())) {
                all.add(c);
            }
        }
        all.sort(java.util.Comparator.comparingInt(PairChange::recordIndex));
        return all;
    }

    private static List<TruthInterval> covering(List<TruthInterval> intervals, Instant t) {
        return intervals == null ? List.of() : intervals.stream().filter(i -> i.covers(t, Duration.ZERO)).toList();
    }

    private static String describe(List<TruthInterval> now, boolean vehicleSide) {
        if (now.isEmpty()) {
            return "not plugged in";
        }
        return now.stream().map(i -> "%s %s since %s".formatted(i.kind().name().toLowerCase(java.util.Locale.ROOT),
                vehicleSide ? "at " + i.chargerId() : "with " + i.vehicleId(), i.pluggedInAt()))
                .collect(Collectors.joining(", "));
    }

    private static String evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> "%s %+.2f (%s)".formatted(e.signal(), e.score(), e.detail()))
                .collect(Collectors.joining("; "));
    }
}
