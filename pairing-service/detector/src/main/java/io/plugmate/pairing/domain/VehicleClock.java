package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a vehicle's clock is off by, learned from its own history: every plug-in the vehicle and a charger ended
 * together (both reported the unplug in the same minutes) bounds the offset, because the plug-in and the unplug
 * happened at one instant on both devices. The vehicle's last report before each change and its first report after
 * it, against the charger's, give the interval the offset must lie in; the offset used is the one most episodes
 * agree on (and, within that, the smallest correction), once enough of them do. Charger clocks are taken as right:
 * the wall box's own clock against a car's, only the difference matters.
 *
 * @param bounds the latest episodes' intervals, oldest first
 */
public record VehicleClock(List<Bound> bounds) {

    static final VehicleClock UNKNOWN = new VehicleClock(List.of());

    /** The vehicle's clock minus the charger's lies within [low, high] (milliseconds). */
    public record Bound(long low, long high) {
    }

    public VehicleClock {
        bounds = bounds == null ? List.of() : List.copyOf(bounds);
    }

    /**
     * Adds one episode's bound, given the two devices' reports around the plug-in and around the unplug (each null
     * where it is not known): {@code before} is the last report without the change, {@code after} the first with it.
     */
    VehicleClock learn(Instant vehicleBeforePlugIn, Instant vehiclePlugIn, Instant chargerBeforePlugIn,
            Instant chargerPlugIn, Instant vehicleBeforeUnplug, Instant vehicleUnplug, Instant chargerBeforeUnplug,
            Instant chargerUnplug, DetectorSettings.Clock settings) {
        Bound plugIn = bound(vehicleBeforePlugIn, vehiclePlugIn, chargerBeforePlugIn, chargerPlugIn);
        Bound unplug = bound(vehicleBeforeUnplug, vehicleUnplug, chargerBeforeUnplug, chargerUnplug);
        Bound both = plugIn == null ? unplug
                : unplug == null ? plugIn
                        : new Bound(Math.max(plugIn.low, unplug.low), Math.min(plugIn.high, unplug.high));
        if (both == null || both.low > both.high || both.high - both.low > settings.widestBound().toMillis()) {
            return this; // not together after all, or too loose to tell anything
        }
        List<Bound> kept = new ArrayList<>(bounds);
        kept.add(both);
        while (kept.size() > settings.episodesKept()) {
            kept.removeFirst();
        }
        return new VehicleClock(kept);
    }

    /**
     * The correction to apply (vehicle time minus this is charger time): zero until at least
     * {@code agreeingToLearn} episodes, and most of them, share an interval; then the point of that interval nearest
     * to zero. Two equally supported intervals apart: zero.
     */
    Duration offset(DetectorSettings.Clock settings) {
        List<long[]> ends = new ArrayList<>();
        for (Bound b : bounds) {
            ends.add(new long[] { b.low, 1 });
            ends.add(new long[] { b.high, -1 });
        }
        // at a tie an interval's start comes first: closed intervals that touch do overlap
        ends.sort(Comparator.<long[]> comparingLong(e -> e[0]).thenComparingLong(e -> -e[1]));
        int depth = 0;
        int best = 0;
        long from = 0;
        long to = 0;
        boolean tied = false;
        for (int i = 0; i < ends.size(); i++) {
            depth += (int) ends.get(i)[1];
            if (ends.get(i)[1] > 0 && depth > best) {
                best = depth;
                from = ends.get(i)[0];
                to = ends.get(i + 1)[0];
                tied = false;
            } else if (ends.get(i)[1] > 0 && depth == best) {
                tied = true;
            }
        }
        if (tied || best < settings.agreeingToLearn() || best * 2 <= bounds.size()) {
            return Duration.ZERO;
        }
        long correction = from > 0 ? from : Math.min(to, 0);
        return Math.abs(correction) > settings.maxOffset().toMillis() ? Duration.ZERO : Duration.ofMillis(correction);
    }

    private static Bound bound(Instant vehicleBefore, Instant vehicleAfter, Instant chargerBefore,
            Instant chargerAfter) {
        if (vehicleBefore == null || vehicleAfter == null || chargerBefore == null || chargerAfter == null) {
            return null;
        }
        // the change at true time T: vehicleBefore < T + offset <= vehicleAfter, chargerBefore < T <= chargerAfter
        return new Bound(vehicleBefore.toEpochMilli() - chargerAfter.toEpochMilli(),
                vehicleAfter.toEpochMilli() - chargerBefore.toEpochMilli());
    }
}
