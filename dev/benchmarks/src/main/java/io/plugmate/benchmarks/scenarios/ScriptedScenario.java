package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;

import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.Household;

/**
 * A class the simulator's routines do not produce often enough: manual households whose cars do only what a script
 * says. Each household plays one chain of sessions, from a random start in the first hours; every session says when
 * it ends and the next one starts 20 min to 4 h later. No session starts in the last hours, so each can be decided.
 */
abstract class ScriptedScenario implements Scenario {

    static final Duration QUIET_TAIL = Duration.ofHours(5);

    private final int households;
    private final Duration length;

    ScriptedScenario(int households, Duration length) {
        this.households = households;
        this.length = length;
    }

    @Override
    public Duration length() {
        return length;
    }

    @Override
    public void populate(World world) {
        for (int i = 0; i < households; i++) {
            Household h = addHousehold(world);
            chain(world, h, this::session);
        }
    }

    /** The household to script (linked), plus whatever else it needs. */
    abstract Household addHousehold(World world);

    /** Plays one session starting now (scheduling its later steps) and returns when it ends. */
    abstract Instant session(World world, Household h, Instant now);

    /** One household's sessions, one after another, until the quiet tail. */
    static void chain(World world, Household h, Session session) {
        world.at(world.start().plus(world.minutes(10, 360)), () -> next(world, h, session));
    }

    private static void next(World world, Household h, Session session) {
        Instant now = world.sim().now();
        if (now.isBefore(world.end().minus(QUIET_TAIL))) {
            Instant end = session.play(world, h, now);
            world.at(end.plus(world.minutes(20, 240)), () -> next(world, h, session));
        }
    }

    @FunctionalInterface
    interface Session {
        Instant play(World world, Household h, Instant now);
    }

    /**
     * The plainest session: the car, drained to 20-60 %, plugs into the wallbox and is unplugged 30 min to 4 h later
     * (charging may finish before).
     */
    static Instant plainSession(World world, Household h, Instant now) {
        String vehicle = h.vehicles().getFirst().id();
        world.setBatteryLevel(vehicle, world.uniform(20, 60));
        world.plug(vehicle, h.chargers().getFirst().id());
        Instant unplug = now.plus(world.minutes(30, 240));
        world.at(unplug, () -> world.unplug(vehicle));
        return unplug;
    }
}
