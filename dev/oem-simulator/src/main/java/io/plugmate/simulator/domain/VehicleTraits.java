package io.plugmate.simulator.domain;

import java.time.Duration;
import java.util.List;

/**
 * How a vehicle brand's cloud behaves. These differences are what the platform's adapters and the pairing
 * detector must cope with.
 *
 * @param startStop the cloud accepts START/STOP charging commands
 * @param gps reports carry a location
 * @param sleeps the car's modem sleeps when idle; the cloud then serves (and re-sends) its cached, stale report
 * @param maxCurrent the cloud accepts SET_MAX_CURRENT
 * @param reportsChargeRate reports carry the vehicle-side charge rate
 * @param reportsOnChange the cloud pushes a report as soon as plug/charging state changes, not only on cadence
 */
public record VehicleTraits(boolean startStop, boolean gps, boolean sleeps, boolean maxCurrent, boolean reportsChargeRate,
        boolean reportsOnChange, Duration chargingCadence, Duration idleCadence, List<VehicleModel> models) {
}
