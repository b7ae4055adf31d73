package io.plugmate.simulator.domain;

import java.time.Duration;

/**
 * How a charger brand's cloud behaves. Chargers report on every plug/charging change and on a cadence faster than
 * vehicles.
 *
 * @param maxCurrent the cloud accepts SET_MAX_CURRENT (otherwise the current is fixed at {@code hardwareMaxCurrentA})
 * @param reportsChargeRate reports carry the power measured at the wall
 */
public record ChargerTraits(String model, boolean startStop, boolean maxCurrent, boolean reportsChargeRate,
        Duration chargingCadence, Duration idleCadence, int phases, int hardwareMaxCurrentA) {
}
