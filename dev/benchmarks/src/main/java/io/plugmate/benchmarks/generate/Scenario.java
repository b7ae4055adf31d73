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

    /**
     * How far a vehicle's clock is off beyond the simulator's own ±60 s, added to its reports' {@code observedAt}
     * (after {@link #populate}); zero by default.
     */
    default Duration extraClockSkew(String vehicleId) {
        return Duration.ZERO;
    }

    /**
     * How far behind the other consumers the consumer of {@code topic} is when this class is scored: its records are
     * taken that much later than they were delivered (zero by default: the consumers keep up).
     */
    default Duration consumerLag(String topic) {
        return Duration.ZERO;
    }
}
