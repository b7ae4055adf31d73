package io.plugmate.simulator.domain;

import static io.plugmate.simulator.domain.WorldState.seconds;
import static io.plugmate.simulator.domain.WorldState.uniform;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Now and then a visitor's car (not linked to the platform) charges at an autonomous household's free wallbox.
 * The charger reports charging while none of the household's cars is plugged in: the negative case a pairing
 * detector must not turn into a pair. Ground truth lists these as {@code guest-<householdId>-<n>}.
 */
final class Visitors {

    static final double VISIT_PROBABILITY_PER_DAY = 0.04;

    private final WorldState world;
    private final Plugging plugging;
    private final FleetFactory factory;

    Visitors(WorldState world, Plugging plugging, FleetFactory factory) {
        this.world = world;
        this.plugging = plugging;
        this.factory = factory;
    }

    void start(Household household) {
        if (household.chargers().isEmpty()) {
            return;
        }
        SplittableRandom r = world.randomFor(household.id() + "/visitors");
        planDay(household, r, world.now.truncatedTo(ChronoUnit.DAYS), new int[] { 0 });
    }

    private void planDay(Household household, SplittableRandom r, Instant day, int[] visits) {
        Instant next = day.plus(Duration.ofDays(1));
        world.queue.schedule(next, () -> planDay(household, r, next, visits));
        if (r.nextDouble() >= VISIT_PROBABILITY_PER_DAY) {
            return;
        }
        Instant arrive = day.plus(seconds(uniform(r, 11, 20) * 3600));
        Duration stay = seconds(uniform(r, 1, 4) * 3600);
        if (arrive.isBefore(world.now)) {
            return;
        }
        List<Charger> chargers = world.households.get(household.id()).chargers(); // today's, after any change
        if (chargers.isEmpty()) {
            return;
        }
        Charger charger = chargers.get(r.nextInt(chargers.size()));
        Vehicle guest = factory.guest(household, ++visits[0], world.randomFor(household.id() + "/guest/" + visits[0]));
        world.queue.schedule(arrive, () -> {
            if (charger.pluggedVehicle == null) {
                plugging.plug(guest, charger);
                world.after(stay, () -> {
                    if (guest.isPluggedIn()) {
                        plugging.unplug(guest);
                    }
                });
            }
        });
    }
}
