package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Charger;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;

/**
 * Two cars plugging into the household's two wallboxes within two minutes of each other, either way round: plug-in
 * timing cannot tell the four combinations apart, and both cars are at home, so GPS cannot either.
 */
final class SimultaneousScenario extends ScriptedScenario {

    SimultaneousScenario(int households, Duration length) {
        super(households, length);
    }

    @Override
    public String name() {
        return "simultaneous";
    }

    @Override
    public String description() {
        return "two cars plug into the household's two wallboxes within 0-2 min, either way round";
    }

    @Override
    Household addHousehold(World world) {
        return world.addLinked(new HouseholdSpec(
                List.of(world.pick(Vendors.PLAIN_VEHICLES), world.pick(Vendors.PLAIN_VEHICLES)),
                List.of(world.pick(Vendors.PLAIN_CHARGERS), world.pick(Vendors.PLAIN_CHARGERS)), false, null));
    }

    @Override
    Instant session(World world, Household h, Instant now) {
        List<Charger> chargers = world.shuffled(h.chargers());
        String first = h.vehicles().get(0).id();
        String second = h.vehicles().get(1).id();
        world.setBatteryLevel(first, world.uniform(20, 60));
        world.setBatteryLevel(second, world.uniform(20, 60));
        world.plug(first, chargers.get(0).id());
        world.at(now.plus(world.minutes(0, 2)), () -> world.plug(second, chargers.get(1).id()));
        Instant firstOut = now.plus(world.minutes(60, 240));
        Instant secondOut = now.plus(world.minutes(60, 240));
        world.at(firstOut, () -> world.unplug(first));
        world.at(secondOut, () -> world.unplug(second));
        return firstOut.isAfter(secondOut) ? firstOut : secondOut;
    }
}
