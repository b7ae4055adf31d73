package io.plugmate.systemtests;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import io.plugmate.events.Topics;

/**
 * What each change of the {@link Load} must cause, looked up in what was {@link Observed} on the topics: the car's and
 * the wallbox's observation with the new plug state, and the pair's activation (plugged in) or deactivation (unplugged),
 * each stamped with a simulated time in the change's interval — from the change until the household's next one, less
 * {@link #SKEW}: the simulated devices' clocks run up to a minute behind, so the car's report of an unplug can be dated
 * before the unplug. So an effect is attributed to its change however late it arrives. Two distinct pair events for one change
 * are a duplicate
 * (a redelivered record with the same event id is not: consumers are idempotent on it).
 */
final class Ledger {

    /** How far before a change its effects may be dated (the intervals between changes are four minutes). */
    static final java.time.Duration SKEW = java.time.Duration.ofMinutes(2);

    /** The effects found for one change. */
    record Effects(boolean vehicle, boolean charger, int pairEvents) {
        boolean complete() {
            return vehicle && charger && pairEvents > 0;
        }
    }

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
        return new Effects(vehicle, charger, pairEvents);
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

    private Instant next(Load.Change change) {
        return load.changes().stream().filter(c -> c.household() == change.household() && c.at().isAfter(change.at()))
                .map(Load.Change::at).findFirst().orElse(null);
    }

    private static boolean within(Instant at, Instant from, Instant until) {
        return at != null && !at.isBefore(from.minus(SKEW)) && (until == null || at.isBefore(until));
    }
}
