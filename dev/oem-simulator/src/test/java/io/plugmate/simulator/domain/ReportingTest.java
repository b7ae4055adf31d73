package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Cadence, clock skew, late and duplicate delivery, per-vendor blind spots. */
class ReportingTest {

    @Test
    void vehicleCadenceIsAboutSevenMinutesIdleAndTwoWhileCharging() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.NORDAUTO), List.of(Vendor.WATTBOX));
        Vehicle v = h.vehicles().getFirst();
        sim.setBatteryLevel(v.id(), 20);
        List<ReportDelivery> idle = sim.advanceBy(Duration.ofHours(2));
        assertGaps(Worlds.reportsOf(idle, v.id(), VehicleReport.class), Duration.ofMinutes(7));

        sim.plug(v.id(), h.chargers().getFirst().id());
        sim.advanceBy(Duration.ofMinutes(10)); // first report after the cadence switch
        List<ReportDelivery> charging = sim.advanceBy(Duration.ofHours(1));
        List<VehicleReport> reports = Worlds.reportsOf(charging, v.id(), VehicleReport.class);
        assertThat(reports).allSatisfy(r -> assertThat(r.isCharging()).isTrue());
        assertGaps(reports, Duration.ofMinutes(2));
    }

    @Test
    void chargersReportFasterThanVehiclesAndOnEveryChange() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.NORDAUTO), List.of(Vendor.ZAPLINE));
        Vehicle v = h.vehicles().getFirst();
        Charger c = h.chargers().getFirst();
        sim.setBatteryLevel(v.id(), 20);
        sim.advanceBy(Duration.ofMinutes(30));
        sim.plug(v.id(), c.id());
        List<ReportDelivery> afterPlug = sim.advanceBy(Duration.ofSeconds(10));
        // the plug-in is pushed within seconds, before charging starts
        assertThat(Worlds.reportsOf(afterPlug, c.id(), ChargerReport.class))
                .anySatisfy(r -> assertThat(r.isPluggedIn()).isTrue());
        List<ReportDelivery> hour = sim.advanceBy(Duration.ofHours(1));
        int chargerReports = Worlds.reportsOf(hour, c.id(), ChargerReport.class).size();
        int vehicleReports = Worlds.reportsOf(hour, v.id(), VehicleReport.class).size();
        assertThat(chargerReports).isGreaterThan(2 * vehicleReports);
    }

    @Test
    void vendorsWithoutGpsOrChargeRateReportNull() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.NORDAUTO, Vendor.VOLTRA), List.of(Vendor.ZAPLINE));
        List<ReportDelivery> d = sim.advanceBy(Duration.ofMinutes(20));
        assertThat(Worlds.reportsOf(d, h.vehicles().get(0).id(), VehicleReport.class))
                .isNotEmpty().allSatisfy(r -> assertThat(r.location()).isNull());
        assertThat(Worlds.reportsOf(d, h.vehicles().get(1).id(), VehicleReport.class))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.chargeRateKw()).isNull();
                    assertThat(r.location()).isNotNull();
                });
        assertThat(Worlds.reportsOf(d, h.chargers().getFirst().id(), ChargerReport.class))
                .isNotEmpty().allSatisfy(r -> assertThat(r.chargeRateKw()).isNull());
    }

    @Test
    void vehicleClocksAreSkewedByAtMostSixtySeconds() {
        FleetSimulation sim = new FleetSimulation(5, FleetConfig.defaults(40, Worlds.START).withDelivery(0, 0));
        List<ReportDelivery> d = sim.advanceBy(Duration.ofHours(6));
        Set<Long> skews = new HashSet<>();
        sim.households().forEach(h -> h.vehicles().forEach(v -> {
            assertThat(v.clockSkew().abs()).isLessThanOrEqualTo(Duration.ofSeconds(60));
            skews.add(v.clockSkew().toSeconds());
        }));
        assertThat(skews).hasSizeGreaterThan(10);
        // observedAt comes from the skewed clock; delivery is 1–5 s after the true measurement
        // (the sleepy brand re-sends old reports on purpose; see SleepyVehicleTest)
        assertThat(d.stream().filter(x -> x.report().vendor() != Vendor.DORMIO))
                .allSatisfy(x -> assertThat(Duration.between(x.report().observedAt(), x.deliveredAt()))
                        .isBetween(Duration.ofSeconds(-60), Duration.ofSeconds(66)));
    }

    @Test
    void someReportsArriveLateOrTwice() {
        FleetSimulation sim = new FleetSimulation(9, FleetConfig.defaults(30, Worlds.START));
        List<ReportDelivery> d = sim.advanceBy(Duration.ofDays(1));
        Map<String, Integer> seen = new HashMap<>();
        d.forEach(x -> seen.merge(x.report().reportId(), 1, Integer::sum));
        long duplicated = d.stream().filter(ReportDelivery::duplicate).count();
        assertThat(duplicated).isPositive();
        assertThat(d.stream().filter(ReportDelivery::duplicate))
                .allSatisfy(x -> assertThat(seen.get(x.report().reportId())).isGreaterThanOrEqualTo(2));
        long late = d.stream().filter(x -> Duration.between(x.report().observedAt(), x.deliveredAt())
                .compareTo(Duration.ofMinutes(2)) > 0 && x.report() instanceof ChargerReport).count();
        assertThat(late).isPositive();
        // delivery order is by delivery time, so late reports arrive out of observation order
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.get(i).deliveredAt()).isAfterOrEqualTo(d.get(i - 1).deliveredAt());
        }
    }

    private static void assertGaps(List<VehicleReport> reports, Duration cadence) {
        assertThat(reports).hasSizeGreaterThan(3);
        for (int i = 2; i < reports.size(); i++) {
            Instant previous = reports.get(i - 1).observedAt();
            Duration gap = Duration.between(previous, reports.get(i).observedAt());
            assertThat(gap).isBetween(cadence.multipliedBy(85).dividedBy(100), cadence.multipliedBy(115).dividedBy(100));
        }
    }
}
