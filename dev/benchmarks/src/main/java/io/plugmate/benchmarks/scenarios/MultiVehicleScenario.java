package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vendor;

/**
 * Contention: 2-3 cars and 1-2 wallboxes per household. Autonomous households give the everyday shape (whoever comes
 * home first takes the free wallbox); scripted two-car households hand one wallbox over, one car unplugging and the
 * other plugging in 1-10 min later, so the charger's plug-in is close to the first car's unplug and a late report of
 * the first car may still say "plugged in".
 */
final class MultiVehicleScenario extends ScriptedScenario {

    private final int autonomousHouseholds;

    MultiVehicleScenario(int autonomousHouseholds, int handOverHouseholds, Duration length) {
        super(handOverHouseholds, length);
        this.autonomousHouseholds = autonomousHouseholds;
    }

    @Override
    public String name() {
        return "multi-vehicle";
    }

    @Override
    public String description() {
        return "2-3 cars share 1-2 wallboxes: autonomous households plus scripted hand-overs of one wallbox";
    }

    @Override
    public void populate(World world) {
        for (int i = 0; i < autonomousHouseholds; i++) {
            List<Vendor> cars = new ArrayList<>();
            int carCount = world.random().nextDouble() < 0.7 ? 2 : 3;
            for (int c = 0; c < carCount; c++) {
                cars.add(world.pick(Vendors.PLAIN_VEHICLES));
            }
            List<Vendor> chargers = world.random().nextDouble() < 0.6 ? List.of(world.pick(Vendors.PLAIN_CHARGERS))
                    : List.of(world.pick(Vendors.PLAIN_CHARGERS), world.pick(Vendors.PLAIN_CHARGERS));
            world.addLinked(new HouseholdSpec(cars, chargers, true, null));
        }
        super.populate(world);
    }

    @Override
    Household addHousehold(World world) {
        return world.addLinked(new HouseholdSpec(
                List.of(world.pick(Vendors.PLAIN_VEHICLES), world.pick(Vendors.PLAIN_VEHICLES)),
                List.of(world.pick(Vendors.PLAIN_CHARGERS)), false, null));
    }

    @Override
    Instant session(World world, Household h, Instant now) {
        List<String> cars = world.shuffled(h.vehicles()).stream().map(v -> v.id()).toList();
        String charger = h.chargers().getFirst().id();
        world.setBatteryLevel(cars.get(0), world.uniform(20, 60));
        world.plug(cars.get(0), charger);
        Instant handOver = now.plus(world.minutes(40, 180));
        Instant secondIn = handOver.plus(world.minutes(1, 10));
        Instant secondOut = secondIn.plus(world.minutes(40, 180));
        world.at(handOver, () -> world.unplug(cars.get(0)));
        world.at(secondIn, () -> {
            world.setBatteryLevel(cars.get(1), world.uniform(20, 60));
            world.plug(cars.get(1), charger);
        });
        world.at(secondOut, () -> world.unplug(cars.get(1)));
        return secondOut;
    }
}
