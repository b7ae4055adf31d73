package io.plugmate.benchmarks.scenarios;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vehicle;

/**
 * The coincidence that fools timing: on working days the household's own car plugs into a public charger near work
 * while, within five minutes either way, a visitor's car (not linked to the platform, so it never reports) plugs into
 * the household's wallbox. The linked charger and the linked vehicle both start charging at the same time, far apart.
 * The households are autonomous, so they also charge at home every evening (the sessions to find) and have the
 * simulator's own occasional visitors.
 */
final class GuestWhileAwayScenario implements Scenario {

    /** Share of working days with a scripted coincidence. */
    private static final double COINCIDENCE_PER_WORKING_DAY = 0.8;

    private final int households;
    private final Duration length;

    GuestWhileAwayScenario(int households, Duration length) {
        this.households = households;
        this.length = length;
    }

    @Override
    public String name() {
        return "guest-while-away";
    }

    @Override
    public String description() {
        return "own car at a public charger while a visitor's car plugs into the wallbox within +-5 min (80 % of workdays)";
    }

    @Override
    public Duration length() {
        return length;
    }

    @Override
    public void populate(World world) {
        for (int i = 0; i < households; i++) {
            Household home = world.addLinked(new HouseholdSpec(List.of(world.pick(Vendors.ALL_VEHICLES)),
                    List.of(world.pick(Vendors.ALL_CHARGERS)), true, null));
            Household visitor = world.addUnlinked(new HouseholdSpec(List.of(world.pick(Vendors.ALL_VEHICLES)),
                    List.of(), false, null));
            for (int day = 0; day < world.days(); day++) {
                if (isWorkingDay(world.day(day)) && world.random().nextDouble() < COINCIDENCE_PER_WORKING_DAY) {
                    coincide(world, home, visitor.vehicles().getFirst(), world.day(day), day);
                }
            }
        }
    }

    private static void coincide(World world, Household home, Vehicle guest, Instant day, int n) {
        Vehicle own = home.vehicles().getFirst();
        String charger = home.chargers().getFirst().id();
        String publicCharger = "bench-%s-%d".formatted(home.id(), n);
        double publicKw = world.random().nextDouble() < 0.3 ? 50 : 22;
        Instant ownIn = day.plus(world.minutes(10 * 60, 14 * 60));
        Instant guestIn = ownIn.plus(world.minutes(-5, 5));
        Instant ownOut = ownIn.plus(world.minutes(45, 150));
        Instant guestOut = guestIn.plus(world.minutes(45, 180));
        world.at(ownIn, () -> {
            // only where the routine has taken the car: at work and not already charging there
            if (own.location().equals(own.work())) {
                world.plugPublic(own.id(), publicCharger, publicKw);
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

    private static boolean isWorkingDay(Instant day) {
        return day.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue();
    }
}
