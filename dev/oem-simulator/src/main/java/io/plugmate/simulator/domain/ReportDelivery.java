package io.plugmate.simulator.domain;

import java.time.Instant;

/**
 * A report leaving the OEM cloud at {@code deliveredAt} (true simulated time). Late deliveries and duplicates are
 * part of the stream; {@code duplicate} marks a repeated delivery of a report already delivered (for scoring only,
 * never sent to receivers).
 */
public record ReportDelivery(Instant deliveredAt, DeviceReport report, boolean duplicate) {
}
