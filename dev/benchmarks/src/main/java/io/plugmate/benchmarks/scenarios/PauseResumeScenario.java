package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;

/**
 * Charging that stops and starts again within one plug-in (load balancing, a price signal, someone pressing the
 * button): once or twice per session, on the car or on the wallbox.
 */
final class PauseResumeScenario extends ScriptedScenario {

    PauseResumeScenario(int households, Duration length) {
        super(households, length);
    }

    @Override
    public String name() {
        return "pause-resume";
    }

    @Override
    public String description() {
        return "charging paused for 5-30 min once or twice during the session, by the car or the wallbox";
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
        world.setBatteryLevel(vehicle, world.uniform(15, 50));
        world.plug(vehicle, charger);
        Instant t = now;
        int pauses = world.random().nextDouble() < 0.5 ? 1 : 2;
        for (int i = 0; i < pauses; i++) {
            String button = world.random().nextBoolean() ? vehicle : charger;
            t = t.plus(world.minutes(10, 40));
            world.at(t, () -> world.setChargingEnabled(button, false));
            t = t.plus(world.minutes(5, 30));
            world.at(t, () -> world.setChargingEnabled(button, true));
        }
        Instant unplug = t.plus(world.minutes(20, 120));
        world.at(unplug, () -> world.unplug(vehicle));
        return unplug;
    }
}
