package io.plugmate.simulator.domain;

import java.time.Instant;

/**
 * Knobs of the simulated world.
 *
 * @param households autonomous households generated at construction
 * @param start simulated time at construction
 * @param lateProbability share of reports delivered 1–10 minutes late (hence out of order)
 * @param duplicateProbability share of reports delivered twice
 * @param commandFailureRate share of otherwise valid commands that fail at the OEM (timeouts, unreachable car)
 * @param cityCenter households are placed within {@code cityRadiusMeters} of it
 */
public record FleetConfig(int households, Instant start, double lateProbability, double duplicateProbability,
        double commandFailureRate, GeoPoint cityCenter, double cityRadiusMeters) {

    public FleetConfig {
        if (households < 0) {
            throw new IllegalArgumentException("households must be >= 0");
        }
        requireProbability(lateProbability, "lateProbability");
        requireProbability(duplicateProbability, "duplicateProbability");
        requireProbability(commandFailureRate, "commandFailureRate");
    }

    /** Sensible defaults around Oslo, starting at {@code start}. */
    public static FleetConfig defaults(int households, Instant start) {
        return new FleetConfig(households, start, 0.03, 0.02, 0.05, new GeoPoint(59.9139, 10.7522), 15_000);
    }

    public FleetConfig withCommandFailureRate(double rate) {
        return new FleetConfig(households, start, lateProbability, duplicateProbability, rate, cityCenter,
                cityRadiusMeters);
    }

    public FleetConfig withDelivery(double late, double duplicate) {
        return new FleetConfig(households, start, late, duplicate, commandFailureRate, cityCenter, cityRadiusMeters);
    }

    static void requireProbability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1");
        }
    }
}
