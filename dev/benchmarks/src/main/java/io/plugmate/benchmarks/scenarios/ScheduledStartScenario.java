package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;

/**
 * Plugged in with charging switched off (a tariff schedule in the car's app or on the wallbox), switched on 15 min to
 * 3 h later: the plug-in is only visible as "plugged, not charging" on both sides until then.
 */
final class ScheduledStartScenario extends ScriptedScenario {

    ScheduledStartScenario(int households, Duration length) {
        super(households, length);
    }

    @Override
    public String name() {
        return "scheduled-start";
    }

    @Override
    public String description() {
        return "plug in with charging off (car or wallbox schedule), charging starts 15 min-3 h later";
    }

    @Override
    Household addHousehold(World world) {
        return world.addLinked(new HouseholdSpec(List.of(world.pick(Vendors.PLAIN_VEHICLES)),
                List.of(world.pick(Vendors.PLAIN_CHARGERS)), false, null));
    }

    @Override
    Instant session(World world, Household h, Instant now) {
        String vehicle = h.vehicles().getFirst().id();
        String charger = h.chargers().getFirst().id();
        // the schedule lives in the car's app or on the wallbox, half and half
        String scheduler = world.random().nextBoolean() ? vehicle : charger;
        world.setBatteryLevel(vehicle, world.uniform(20, 60));
        world.plug(vehicle, charger);
        world.setChargingEnabled(scheduler, false);
        Instant start = now.plus(world.minutes(15, 180));
        Instant unplug = start.plus(world.minutes(40, 240));
        world.at(start, () -> world.setChargingEnabled(scheduler, true));
        world.at(unplug, () -> world.unplug(vehicle));
        return unplug;
    }
}
