package io.plugmate.simulator.domain;

import static io.plugmate.simulator.domain.WorldState.uniform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Daily life of autonomous households (in UTC): leave in the morning, sometimes charge at a public charger near
 * work, come home in the evening and usually plug into a free home charger. Households with fewer chargers than
 * cars produce the contention the pairing detector must handle.
 */
final class Routines {

    private final WorldState world;
    private final Plugging plugging;
    private final Reporter reporter;

    Routines(WorldState world, Plugging plugging, Reporter reporter) {
        this.world = world;
        this.plugging = plugging;
        this.reporter = reporter;
    }

    void start(Vehicle v) {
        planDay(v, world.now.truncatedTo(ChronoUnit.DAYS));
        int hour = world.now.atZone(ZoneOffset.UTC).getHour();
        if (hour < 7 || hour >= 18) {
            // a world born at night already has cars on their chargers
            world.queue.schedule(world.now, () -> considerHomeCharging(v));
        }
    }

    private void planDay(Vehicle v, Instant day) {
        if (v.retired) {
            return; // sold: no more days in this household
        }
        world.queue.schedule(day.plus(Duration.ofDays(1)), () -> planDay(v, day.plus(Duration.ofDays(1))));
        SplittableRandom r = v.random;
        boolean weekend = day.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
        if (r.nextDouble() < (weekend ? 0.5 : 0.1)) {
            at(v, day, hours(r, 10, 1), () -> considerHomeCharging(v));
            return;
        }
        double depart = clamp(hours(r, 7.5, 0.75), 5.5, 10);
        double arrive = clamp(hours(r, 17.5, 1.25), depart + 4, 22.5);
        double tripKwh = uniform(r, 3, 12);
        at(v, day, depart, () -> depart(v, tripKwh));
        boolean noHomeCharger = householdChargers(v).isEmpty();
        double publicChance = noHomeCharger ? 0.35 : 0.06;
        if (r.nextDouble() < publicChance) {
            double start = depart + uniform(r, 1, 3);
            double end = Math.min(arrive - 0.25, start + uniform(r, 0.75, 2.5));
            PublicCharger p = new PublicCharger("pub-%s-%d".formatted(v.id(), 1 + r.nextInt(3)),
                    v.work().offsetRandomly(r, 50, 400), r.nextDouble() < 0.3 ? 50 : 22);
            at(v, day, start, () -> startPublic(v, p));
            at(v, day, end, () -> endPublic(v));
        }
        at(v, day, arrive, () -> arrive(v, tripKwh));
    }

    private void depart(Vehicle v, double tripKwh) {
        if (v.isPluggedIn()) {
            plugging.unplug(v);
        }
        reporter.wake(v);
        drive(v, tripKwh, v.work());
    }

    private void arrive(Vehicle v, double tripKwh) {
        if (v.pluggedPublic != null) {
            plugging.unplug(v);
        }
        if (v.isPluggedIn()) {
            return; // never left (a sandbox plug overrides the routine)
        }
        reporter.wake(v);
        drive(v, tripKwh, v.home());
        considerHomeCharging(v);
    }

    private void startPublic(Vehicle v, PublicCharger p) {
        if (!v.isPluggedIn() && v.work().equals(v.location()) && v.socPercent < 85) {
            reporter.wake(v);
            plugging.plugPublic(v, p);
        }
    }

    private void endPublic(Vehicle v) {
        if (v.pluggedPublic != null) {
            plugging.unplug(v);
        }
    }

    /** Plug in when the battery is low enough to bother, into the usual charger unless it is taken. */
    private void considerHomeCharging(Vehicle v) {
        if (v.isPluggedIn() || !v.home().equals(v.location())) {
            return;
        }
        SplittableRandom r = v.random;
        double want = v.socPercent < 75 ? 0.9 : v.socPercent < v.chargeLimitPercent - 5 ? 0.3 : 0.05;
        if (r.nextDouble() >= want) {
            return;
        }
        List<Charger> candidates = new ArrayList<>(householdChargers(v));
        if (candidates.size() > 1 && r.nextDouble() < 0.1) {
            candidates = candidates.reversed();
        } else {
            candidates.sort((a, b) -> Boolean.compare(!a.id().equals(v.preferredChargerId),
                    !b.id().equals(v.preferredChargerId)));
        }
        for (Charger c : candidates) {
            if (c.pluggedVehicle == null) {
                plugging.plug(v, c);
                return;
            }
        }
    }

    private void drive(Vehicle v, double kwh, GeoPoint destination) {
        v.socPercent = Math.max(5, v.socPercent - kwh / v.model().batteryCapacityKwh() * 100);
        v.location = destination;
        plugging.settle(v);
    }

    private List<Charger> householdChargers(Vehicle v) {
        return world.households.get(v.householdId()).chargers();
    }

    private void at(Vehicle v, Instant day, double hourOfDay, Runnable action) {
        Instant when = day.plus(WorldState.seconds(hourOfDay * 3600));
        if (!when.isBefore(world.now)) {
            world.queue.schedule(when, () -> {
                if (!v.retired) {
                    action.run();
                }
            });
        }
    }

    private static double hours(SplittableRandom r, double mean, double sd) {
        return mean + sd * r.nextGaussian();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
