package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vendor;

/**
 * Vehicle clocks 90–180 s off (either way, on top of the simulator's ±60 s) and no GPS (NORDAUTO): more than the
 * detector's clock tolerance, so plug-in timing and state comparisons only line up once the offset is learned.
 * Autonomous households for the everyday shape, busy ones for volume.
 */
final class SkewedClocksScenario implements Scenario {

    private final int autonomous;
    private final int busy;
    private final Duration length;
    private final Map<String, Duration> skews = new HashMap<>();

    SkewedClocksScenario(int autonomous, int busy, Duration length) {
        this.autonomous = autonomous;
        this.busy = busy;
        this.length = length;
    }

    @Override
    public String name() {
        return "skewed-clocks";
    }

    @Override
    public String description() {
        return "NORDAUTO cars (no GPS) whose clocks are 90-180 s off, either way";
    }

    @Override
    public Duration length() {
        return length;
    }

    @Override
    public void populate(World world) {
        for (int i = 0; i < autonomous + busy; i++) {
            boolean autonomousHousehold = i < autonomous;
            Household h = world.addLinked(new HouseholdSpec(List.of(Vendor.NORDAUTO),
                    List.of(world.pick(Vendors.PLAIN_CHARGERS)), autonomousHousehold, null));
            long seconds = Math.round(world.uniform(90, 180));
            skews.put(h.vehicles().getFirst().id(),
                    Duration.ofSeconds(world.random().nextBoolean() ? seconds : -seconds));
            if (!autonomousHousehold) {
                ScriptedScenario.chain(world, h, ScriptedScenario::plainSession);
            }
        }
    }

    @Override
    public Duration extraClockSkew(String vehicleId) {
        return skews.getOrDefault(vehicleId, Duration.ZERO);
    }
}
