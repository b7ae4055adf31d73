package io.plugmate.systemtests;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.plugmate.events.Topics;

/**
 * What each change of the {@link Load} must cause, looked up in what was {@link Observed} on the topics: the car's and
 * the wallbox's observation with the new plug state, and the pair's activation (plugged in) or deactivation (unplugged),
 * each stamped with a simulated time in the change's interval — from the change until the household's next one, less
 * {@link #SKEW}: the simulated devices' clocks run up to a minute behind, so the car's report of an unplug can be dated
 * before the unplug. So an effect is attributed to its change however late it arrives. Two distinct pair events for one change
 * are a duplicate
 * (a redelivered record with the same event id is not: consumers are idempotent on it).
 * <p>
 * A plug-in whose later device's plug-in report was produced ({@code occurredAt}, when our device service learnt of
 * it) after the first unplug report of the same plug-in could not be activated: pairing takes a user's inputs in that
 * order and never activates a pair whose car has left (ADR 0017). Such a cycle (its plug-in and its unplug) needs,
 * instead of pair events, the entry that pairing writes into the pair's history for it.
 */
final class Ledger {

    /** How far before a change its effects may be dated (the intervals between changes are four minutes). */
    static final java.time.Duration SKEW = java.time.Duration.ofMinutes(2);

    /** The effects found for one change. */
    record Effects(boolean vehicle, boolean charger, int pairEvents, boolean learntAfterUnplug, boolean inHistory) {
        boolean complete() {
            return vehicle && charger && (pairEvents > 0 || learntAfterUnplug && inHistory);
        }
    }

    /** How pairing's history says a plug-in ended without an activation (ADR 0017); its first instant is the plug-in. */
    private static final Pattern UNACTIVATED = Pattern.compile("^plugged in and out together.*?\\(([^)]+Z)\\)");

    private final Load load;
    private final Observed seen;

    Ledger(Load load, Observed seen) {
        this.load = load;
        this.seen = seen;
    }

    Effects effects(Load.Change change) {
        Household h = load.household(change.household());
        Instant until = next(change);
        String plugged = Boolean.toString(change.plugged());
        boolean vehicle = !seen.on(Topics.VEHICLE_STATE, r -> h.vehicleId.equals(r.text("vehicleId"))
                && plugged.equals(r.text("isPluggedIn")) && within(r.instant("observedAt"), change.at(), until))
                .isEmpty();
        boolean charger = !seen.on(Topics.CHARGER_STATE, r -> h.chargerId.equals(r.text("chargerId"))
                && plugged.equals(r.text("isPluggedIn")) && within(r.instant("observedAt"), change.at(), until))
                .isEmpty();
        String type = change.plugged() ? "PairActivated" : "PairDeactivated";
        int pairEvents = (int) seen.on(Topics.PAIR_EVENTS, r -> h.pairId.equals(r.text("pairId"))
                && type.equals(r.text("type")) && within(r.instant("occurredAt"), change.at(), until)).stream()
                .map(r -> r.text("eventId")).distinct().count();
        Load.Change plugIn = change.plugged() ? change : previous(change);
        boolean late = plugIn != null && learntAfterUnplug(h, plugIn);
        boolean inHistory = late && pairEvents == 0 && inHistory(h, plugIn);
        return new Effects(vehicle, charger, pairEvents, late, inHistory);
    }

    /** The later device's plug-in report was produced after the first unplug report of the same plug-in. */
    private boolean learntAfterUnplug(Household h, Load.Change plugIn) {
        Load.Change unplug = following(plugIn);
        if (unplug == null) {
            return false;
        }
        Instant vehicleIn = firstProduced(Topics.VEHICLE_STATE, "vehicleId", h.vehicleId, true, plugIn);
        Instant chargerIn = firstProduced(Topics.CHARGER_STATE, "chargerId", h.chargerId, true, plugIn);
        Instant vehicleOut = firstProduced(Topics.VEHICLE_STATE, "vehicleId", h.vehicleId, false, unplug);
        Instant chargerOut = firstProduced(Topics.CHARGER_STATE, "chargerId", h.chargerId, false, unplug);
        if (vehicleIn == null || chargerIn == null || vehicleOut == null && chargerOut == null) {
            return false;
        }
        Instant laterIn = vehicleIn.isAfter(chargerIn) ? vehicleIn : chargerIn;
        Instant firstOut = vehicleOut == null ? chargerOut
                : chargerOut == null || vehicleOut.isBefore(chargerOut) ? vehicleOut : chargerOut;
        return laterIn.isAfter(firstOut);
    }

    /** When the first report of the device with this plug state, dated in the change's interval, was produced. */
    private Instant firstProduced(String topic, String idField, String id, boolean plugged, Load.Change change) {
        Instant until = next(change);
        return seen.on(topic, r -> id.equals(r.text(idField)) && Boolean.toString(plugged).equals(r.text("isPluggedIn"))
                && within(r.instant("observedAt"), change.at(), until)).stream().map(r -> r.instant("occurredAt"))
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    /** The pair's history has the entry for a plug-in that ended without an activation, dated in this change. */
    private boolean inHistory(Household h, Load.Change plugIn) {
        Instant until = next(plugIn);
        return Api.history(Platform.url("pairing-service"), Load.token(h), h.pairId).stream().map(UNACTIVATED::matcher)
                .filter(Matcher::find).map(m -> Instant.parse(m.group(1)))
                .anyMatch(at -> within(at, plugIn.at(), until));
    }

    /**
     * For a change without all its effects: every plug report of the household's car and wallbox dated from a step
     * before its interval to a step after, as {@code car in 03:31:10Z (produced 01:08:12Z)}, so the row's note shows
     * whether a report was missing, dated elsewhere or late.
     */
    String reports(Load.Change change) {
        Household h = load.household(change.household());
        Instant from = change.at().minus(STEP_MARGIN); // and SKEW before that, as within(…) takes it
        Instant next = next(change);
        Instant until = next == null ? null : next.plus(STEP_MARGIN);
        java.util.stream.Stream<String> car = seen.on(Topics.VEHICLE_STATE, r -> h.vehicleId.equals(r.text(
                "vehicleId")) && within(r.instant("observedAt"), from, until)).stream()
                .map(r -> report("car", r));
        java.util.stream.Stream<String> box = seen.on(Topics.CHARGER_STATE, r -> h.chargerId.equals(r.text(
                "chargerId")) && within(r.instant("observedAt"), from, until)).stream()
                .map(r -> report("box", r));
        return java.util.stream.Stream.concat(car, box).toList().toString();
    }

    private static final java.time.Duration STEP_MARGIN = java.time.Duration.ofMinutes(1);

    private static String report(String device, Observed.Rec r) {
        return "%s %s %s (produced %s)".formatted(device, "true".equals(r.text("isPluggedIn")) ? "in" : "out",
                r.text("observedAt"), r.text("occurredAt"));
    }

    /** Whether every change of the fault made up to {@code wallMillis} has all its effects. */
    boolean caughtUp(String fault, long wallMillis) {
        return load.changes().stream().filter(c -> c.fault().equals(fault) && c.wallMillis() <= wallMillis)
                .allMatch(c -> effects(c).complete());
    }

    List<Load.Change> of(String fault) {
        return load.changes().stream().filter(c -> c.fault().equals(fault)).toList();
    }

    static long count(List<Effects> effects, Predicate<Effects> which) {
        return effects.stream().filter(which).count();
    }

    private Load.Change previous(Load.Change change) {
        return load.changes().stream().filter(c -> c.household() == change.household() && c.at().isBefore(change.at()))
                .reduce((a, b) -> b).orElse(null);
    }

    private Load.Change following(Load.Change change) {
        return load.changes().stream().filter(c -> c.household() == change.household() && c.at().isAfter(change.at()))
                .findFirst().orElse(null);
    }

    private Instant next(Load.Change change) {
        Load.Change following = following(change);
        return following == null ? null : following.at();
    }

    private static boolean within(Instant at, Instant from, Instant until) {
        return at != null && !at.isBefore(from.minus(SKEW)) && (until == null || at.isBefore(until));
    }
}
