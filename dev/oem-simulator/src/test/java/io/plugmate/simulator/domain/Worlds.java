package io.plugmate.simulator.domain;

import java.time.Instant;
import java.util.List;

/** Test fixtures: small, quiet worlds (no late or duplicate delivery, no random command failures). */
final class Worlds {

    static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    private Worlds() {
    }

    static FleetSimulation quiet() {
        return new FleetSimulation(1, FleetConfig.defaults(0, START).withDelivery(0, 0).withCommandFailureRate(0));
    }

    static Household manual(FleetSimulation sim, List<Vendor> vehicles, List<Vendor> chargers) {
        return sim.addHousehold(new HouseholdSpec(vehicles, chargers, false, null));
    }

    static <T extends DeviceReport> List<T> reportsOf(List<ReportDelivery> deliveries, String deviceId, Class<T> type) {
        return deliveries.stream().filter(d -> !d.duplicate()).map(ReportDelivery::report)
                .filter(r -> r.deviceId().equals(deviceId)).map(type::cast).toList();
    }
}
