package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vehicle;
import io.plugmate.simulator.domain.Vendor;

/**
 * New users: linked at the start, and on their first two working days, while the car (with GPS) is at work, it plugs
 * into an 11 kW public post as a visitor's car of the same make plugs into the wallbox within a minute — the same power
 * on both sides. No plug-in has ended together yet, so the charger's location is not learned: what tells the two apart
 * is where the car spent the night and how far it has travelled since.
 */
final class NewUserAwayScenario implements Scenario {

    private final int households;
    private final Duration length;

    NewUserAwayScenario(int households, Duration length) {
        this.households = households;
        this.length = length;
    }

    @Override
    public String name() {
        return "new-user-away";
    }

    @Override
    public String description() {
        return "first two workdays: own car (GPS) at an 11 kW public post, a visitor at the wallbox, same power, same minute";
    }

    @Override
    public Duration length() {
        return length;
    }

    @Override
    public void populate(World world) {
        for (int i = 0; i < households; i++) {
            Household home = world.addLinked(new HouseholdSpec(List.of(Vendor.TESLA), List.of(Vendor.WATTBOX), true,
                    null));
            Household visitor = world.addUnlinked(new HouseholdSpec(List.of(Vendor.TESLA), List.of(), false, null));
            for (int day = 0; day < Math.min(2, world.days()); day++) {
                coincide(world, home, visitor.vehicles().getFirst(), world.day(day), day);
            }
        }
    }

    private static void coincide(World world, Household home, Vehicle guest, Instant day, int n) {
        Vehicle own = home.vehicles().getFirst();
        String charger = home.chargers().getFirst().id();
        String publicCharger = "bench-%s-%d".formatted(home.id(), n);
        Instant ownIn = day.plus(world.minutes(10 * 60, 13 * 60));
        Instant guestIn = ownIn.plus(world.minutes(-1, 1));
        Instant ownOut = ownIn.plus(world.minutes(45, 150));
        Instant guestOut = guestIn.plus(world.minutes(45, 180));
        world.at(ownIn, () -> {
            if (own.location().equals(own.work())) {
                world.plugPublic(own.id(), publicCharger, 11);
            }
        });
        world.at(guestIn, () -> world.plug(guest.id(), charger));
        world.at(ownOut, () -> {
            String into = own.pluggedIntoId();
            if (into != null && into.startsWith("public:bench-")) {
                world.unplug(own.id());
            }
        });
        world.at(guestOut, () -> {
            if (charger.equals(guest.pluggedIntoId())) {
                world.unplug(guest.id());
            }
        });
    }
}
