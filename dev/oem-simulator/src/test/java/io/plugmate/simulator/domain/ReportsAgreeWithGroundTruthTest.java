package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For any seed: what a device reports was true when it measured it. This is what lets the benchmark score a
 * detector against the ground truth: a report's {@code isPluggedIn} matches the plug intervals at the report's
 * true measurement time ({@code observedAt} minus the device's clock skew).
 */
class ReportsAgreeWithGroundTruthTest {

    /** observedAt is truncated to whole seconds: skip reports measured this close to a plug or unplug. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void pluggedInReportsMatchTheGroundTruth(long seed) {
        FleetSimulation sim = new FleetSimulation(seed, FleetConfig.defaults(15, Worlds.START));
        List<ReportDelivery> deliveries = sim.advanceBy(Duration.ofDays(4));
        List<PlugInterval> truth = sim.groundTruth();
        Map<String, Duration> skews = new HashMap<>();
        sim.households().forEach(h -> {
            h.vehicles().forEach(v -> skews.put(v.id(), v.clockSkew()));
            h.chargers().forEach(c -> skews.put(c.id(), c.clockSkew()));
        });

        Map<String, List<PlugInterval>> byVehicle = truth.stream()
                .collect(java.util.stream.Collectors.groupingBy(PlugInterval::vehicleId));
        Map<String, List<PlugInterval>> byCharger = truth.stream()
                .collect(java.util.stream.Collectors.groupingBy(PlugInterval::chargerId));
        int checked = 0;
        for (ReportDelivery d : deliveries) {
            DeviceReport r = d.report();
            Instant measured = r.observedAt().minus(skews.get(r.deviceId()));
            boolean vehicle = r instanceof VehicleReport;
            List<PlugInterval> mine = (vehicle ? byVehicle : byCharger).getOrDefault(r.deviceId(), List.of());
            if (nearBoundary(mine, measured)) {
                continue;
            }
            boolean plugged = mine.stream().anyMatch(i -> contains(i, measured));
            boolean reportedPlugged = vehicle ? ((VehicleReport) r).isPluggedIn() : ((ChargerReport) r).isPluggedIn();
            boolean reportedCharging = vehicle ? ((VehicleReport) r).isCharging() : ((ChargerReport) r).isCharging();
            assertThat(reportedPlugged).as("%s at %s", r, measured).isEqualTo(plugged);
            assertThat(!reportedCharging || reportedPlugged).as("charging implies plugged: %s", r).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(deliveries.size() * 9 / 10);
    }

    private static boolean contains(PlugInterval i, Instant t) {
        return !t.isBefore(i.pluggedInAt()) && (i.unpluggedAt() == null || t.isBefore(i.unpluggedAt()));
    }

    private static boolean nearBoundary(List<PlugInterval> intervals, Instant t) {
        return intervals.stream().anyMatch(i -> Duration.between(i.pluggedInAt(), t).abs().compareTo(MARGIN) <= 0
                || (i.unpluggedAt() != null && Duration.between(i.unpluggedAt(), t).abs().compareTo(MARGIN) <= 0));
    }
}
