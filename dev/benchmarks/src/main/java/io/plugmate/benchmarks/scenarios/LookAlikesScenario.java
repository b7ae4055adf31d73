package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vendor;

/**
 * Two cars of the same model without GPS (NORDAUTO Fjord, 11 kW) and one wallbox: within a minute of each other one
 * plugs into the wallbox and the other into an 11 kW public post, either way round. Nothing in the data tells which
 * is on the wallbox: AMBIGUOUS every time is right, any activation is a guess.
 */
final class LookAlikesScenario extends ScriptedScenario {

    LookAlikesScenario(int households, Duration length) {
        super(households, length);
    }

    @Override
    public String name() {
        return "look-alikes";
    }

    @Override
    public String description() {
        return "two cars of one model, no GPS, one into the wallbox and one into an 11 kW public post within 1 min";
    }

    @Override
    Household addHousehold(World world) {
        return world.addLinked(new HouseholdSpec(List.of(Vendor.NORDAUTO, Vendor.NORDAUTO),
                List.of(world.pick(Vendors.PLAIN_CHARGERS)), false, null));
    }

    @Override
    Instant session(World world, Household h, Instant now) {
        List<String> cars = world.shuffled(h.vehicles()).stream().map(v -> v.id()).toList();
        String publicCharger = "bench-%s-%s".formatted(h.id(), now.getEpochSecond());
        world.setBatteryLevel(cars.get(0), world.uniform(20, 60));
        world.setBatteryLevel(cars.get(1), world.uniform(20, 60));
        boolean homeFirst = world.random().nextBoolean();
        Duration apart = world.minutes(0, 1);
        Instant second = now.plus(apart);
        if (homeFirst) {
            world.plug(cars.get(0), h.chargers().getFirst().id());
            world.at(second, () -> world.plugPublic(cars.get(1), publicCharger, 11));
        } else {
            world.plugPublic(cars.get(1), publicCharger, 11);
            world.at(second, () -> world.plug(cars.get(0), h.chargers().getFirst().id()));
        }
        Instant firstOut = second.plus(world.minutes(40, 180));
        Instant secondOut = second.plus(world.minutes(40, 180));
        world.at(firstOut, () -> world.unplug(cars.get(0)));
        world.at(secondOut, () -> world.unplug(cars.get(1)));
        return firstOut.isAfter(secondOut) ? firstOut : secondOut;
    }
}
