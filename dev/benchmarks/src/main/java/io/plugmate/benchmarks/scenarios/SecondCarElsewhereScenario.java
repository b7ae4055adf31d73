package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;

/**
 * Two cars and one wallbox: one car plugs into the wallbox while, within three minutes either way, the household's
 * other car plugs into a public charger (22 kW AC or 50 kW DC). Scripted cars never drive, so their GPS says "home"
 * for both: only the two cars' own measurements can tell which one the wallbox is feeding.
 */
final class SecondCarElsewhereScenario extends ScriptedScenario {

    SecondCarElsewhereScenario(int households, Duration length) {
        super(households, length);
    }

    @Override
    public String name() {
        return "second-car-elsewhere";
    }

    @Override
    public String description() {
        return "one car into the wallbox, the household's other car into a 22/50 kW public charger within +-3 min";
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
        String home = cars.get(0);
        String away = cars.get(1);
        String publicCharger = "bench-%s-%s".formatted(h.id(), now.getEpochSecond());
        double publicKw = world.random().nextBoolean() ? 22 : 50;
        world.setBatteryLevel(home, world.uniform(20, 60));
        world.setBatteryLevel(away, world.uniform(20, 60));
        Duration offset = world.minutes(0, 3);
        boolean homeFirst = world.random().nextBoolean();
        Instant later = now.plus(offset);
        if (homeFirst) {
            world.plug(home, h.chargers().getFirst().id());
            world.at(later, () -> world.plugPublic(away, publicCharger, publicKw));
        } else {
            world.plugPublic(away, publicCharger, publicKw);
            world.at(later, () -> world.plug(home, h.chargers().getFirst().id()));
        }
        Instant homeOut = later.plus(world.minutes(40, 180));
        Instant awayOut = later.plus(world.minutes(20, 90));
        world.at(homeOut, () -> world.unplug(home));
        world.at(awayOut, () -> world.unplug(away));
        return homeOut.isAfter(awayOut) ? homeOut : awayOut;
    }
}
