package io.plugmate.simulator.domain;

import java.util.random.RandomGenerator;

/** A WGS84 position; field names match the platform's {@code location} object. */
public record GeoPoint(double latitude, double longitude) {

    private static final double METERS_PER_DEGREE_LAT = 111_320.0;

    /**
     * A point at a random bearing, {@code minMeters}..{@code maxMeters} away (flat-earth approximation is fine at city scale).
     */
    public GeoPoint offsetRandomly(RandomGenerator random, double minMeters, double maxMeters) {
        double distance = minMeters + random.nextDouble() * (maxMeters - minMeters);
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = distance * Math.cos(bearing) / METERS_PER_DEGREE_LAT;
        double dLon = distance * Math.sin(bearing) / (METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(latitude)));
        return new GeoPoint(round(latitude + dLat), round(longitude + dLon));
    }

    /** Rounds to ~1 m, as OEM clouds do. */
    private static double round(double degrees) {
        return Math.round(degrees * 100_000.0) / 100_000.0;
    }
}
