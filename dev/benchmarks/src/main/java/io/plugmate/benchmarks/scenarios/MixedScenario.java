package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.FleetConfig;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;

/**
 * A class the simulator's own daily life already produces, given the households' make-up: autonomous households
 * (commute, evening plug-in, now and then a public charger near work or a visitor's car on the wallbox). An
 * autonomous household plugs in about once a day but reports all day, so "busy" households of the same make-up (the
 * first car and wallbox) add volume cheaply: manual ones that play plain sessions back to back.
 */
final class MixedScenario implements Scenario {

    private final String name;
    private final String description;
    private final int autonomous;
    private final int busy;
    private final Duration length;
    private final Function<World, HouseholdSpec> makeUp;
    private final Function<FleetConfig, FleetConfig> config;

    MixedScenario(String name, String description, int autonomous, int busy, Duration length,
            Function<World, HouseholdSpec> makeUp, Function<FleetConfig, FleetConfig> config) {
        this.name = name;
        this.description = description;
        this.autonomous = autonomous;
        this.busy = busy;
        this.length = length;
        this.makeUp = makeUp;
        this.config = config;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Duration length() {
        return length;
    }

    @Override
    public FleetConfig config(FleetConfig defaults) {
        return config.apply(defaults);
    }

    @Override
    public void populate(World world) {
        for (int i = 0; i < autonomous; i++) {
            HouseholdSpec spec = makeUp.apply(world);
            world.addLinked(new HouseholdSpec(spec.vehicleVendors(), spec.chargerVendors(), true, null));
        }
        for (int i = 0; i < busy; i++) {
            HouseholdSpec spec = makeUp.apply(world);
            Household h = world.addLinked(new HouseholdSpec(List.of(spec.vehicleVendors().getFirst()),
                    List.of(spec.chargerVendors().getFirst()), false, null));
            ScriptedScenario.chain(world, h, ScriptedScenario::plainSession);
        }
    }
}
