package io.plugmate.simulator.domain;

/**
 * A vehicle model: usable battery and on-board AC charger limit (which caps what any wallbox can deliver).
 */
public record VehicleModel(String name, int year, double batteryCapacityKwh, double maxAcKw, int acPhases) {
}
