package io.plugmate.simulator.domain;

import java.time.Instant;

/** One state report as an OEM cloud publishes it. Duplicated deliveries share the {@code reportId}. */
public sealed interface DeviceReport permits VehicleReport, ChargerReport {

    String reportId();

    Vendor vendor();

    /** When the device measured this state, by the device's own (possibly skewed) clock, in simulated time. */
    Instant observedAt();

    String deviceId();

    DeviceType deviceType();
}
