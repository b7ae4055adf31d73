package io.plugmate.benchmarks.generate;

import java.time.Duration;

import io.plugmate.simulator.domain.FleetConfig;

/**
 * One scenario class of the benchmark: a world of its own, populated with households (autonomous ones that live
 * their routine, scripted ones that do what the scenario tells them) for a number of simulated days.
 */
public interface Scenario {

    /** Short name, also the file name: {@code <name>.jsonl}, {@code <name>.truth.jsonl}. */
    String name();

    /** One line for the table and the README: what makes it hard. */
    String description();

    Duration length();

    /** The simulator's knobs; by default its own (3 % late, 2 % duplicate deliveries). */
    default FleetConfig config(FleetConfig defaults) {
        return defaults;
    }

    /** Adds the households and schedules the scripted actions. */
    void populate(World world);
}
