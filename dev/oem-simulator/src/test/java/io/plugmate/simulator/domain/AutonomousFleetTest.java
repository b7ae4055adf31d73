package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A generated fleet living two weeks: composition, plug habits, and a consistent ground truth. */
class AutonomousFleetTest {

    private static FleetSimulation sim;
    private static List<ReportDelivery> deliveries;

    @BeforeAll
    static void live() {
        sim = new FleetSimulation(2026, FleetConfig.defaults(40, Worlds.START));
        deliveries = sim.advanceBy(Duration.ofDays(14));
    }

    @Test
    void householdsHaveOneToThreeVehiclesAndUpToTwoChargers() {
        assertThat(sim.households()).hasSize(40).allSatisfy(h -> {
            assertThat(h.vehicles()).hasSizeBetween(1, 3);
            assertThat(h.chargers()).hasSizeBetween(0, 2);
        });
        assertThat(sim.households()).anySatisfy(h -> assertThat(h.chargers()).isEmpty());
        assertThat(sim.households()).anySatisfy(h -> assertThat(h.vehicles().size()).isGreaterThan(h.chargers().size()));
    }

    @Test
    void teslaAccountsHoldVehiclesAndChargersTogether() {
        assertThat(sim.accounts()).anySatisfy(a -> {
            assertThat(a.vendor()).isEqualTo(Vendor.TESLA);
            assertThat(a.vehicleIds()).isNotEmpty();
            assertThat(a.chargerIds()).isNotEmpty();
        });
        assertThat(sim.accounts()).filteredOn(a -> a.vendor() != Vendor.TESLA)
                .allSatisfy(a -> assertThat(a.vehicleIds().isEmpty() || a.chargerIds().isEmpty()).isTrue());
    }

    @Test
    void carsPlugInAtHomeAndElsewhere() {
        List<PlugInterval> truth = sim.groundTruth();
        assertThat(truth.stream().filter(i -> !i.atPublicCharger()).count()).isGreaterThan(100);
        assertThat(truth.stream().filter(PlugInterval::atPublicCharger).count()).isPositive();
        assertThat(truth).allSatisfy(i -> assertThat(i.chargerId()).isNotNull());
        assertThat(truth).filteredOn(i -> i.unpluggedAt() != null)
                .allSatisfy(i -> assertThat(i.unpluggedAt()).isAfter(i.pluggedInAt()));
    }

    @Test
    void visitorsSometimesUseAHomeCharger() {
        List<PlugInterval> guests = sim.groundTruth().stream().filter(i -> i.vehicleId().startsWith("guest-")).toList();
        assertThat(guests).isNotEmpty().allSatisfy(i -> {
            assertThat(i.atPublicCharger()).isFalse();
            assertThat(sim.vehicle(i.vehicleId())).isEmpty(); // no account, no reports: only the charger sees it
        });
        assertThat(deliveries.stream().map(d -> d.report().deviceId())).noneMatch(id -> id.startsWith("guest-"));
    }

    @Test
    void groundTruthNeverPlugsOneCarOrOneChargerTwiceAtOnce() {
        List<PlugInterval> truth = sim.groundTruth();
        assertNoOverlap(truth.stream().collect(Collectors.groupingBy(PlugInterval::vehicleId)));
        assertNoOverlap(
                truth.stream().filter(i -> !i.atPublicCharger()).collect(Collectors.groupingBy(PlugInterval::chargerId)));
        assertThat(truth).filteredOn(i -> !i.atPublicCharger()).allSatisfy(i -> assertThat(
                sim.charger(i.chargerId()).orElseThrow().householdId()).isEqualTo(i.householdId()));
    }

    @Test
    void everyDeviceReportsAndChargingShowsOnBothSides() {
        long devices = sim.households().stream().mapToLong(h -> h.vehicles().size() + h.chargers().size()).sum();
        assertThat(deliveries.stream().map(d -> d.report().deviceId()).distinct().count()).isEqualTo(devices);
        assertThat(deliveries.stream().map(ReportDelivery::report))
                .anyMatch(r -> r instanceof ChargerReport c && c.isCharging())
                .anyMatch(r -> r instanceof VehicleReport v && v.isCharging());
    }

    @Test
    void batteryLevelsStayWithinBounds() {
        assertThat(deliveries.stream().filter(d -> d.report() instanceof VehicleReport)
                .mapToInt(d -> ((VehicleReport) d.report()).batteryLevel())).allMatch(level -> level >= 0 && level <= 100);
    }

    private static void assertNoOverlap(Map<String, List<PlugInterval>> byKey) {
        byKey.values().forEach(list -> {
            List<PlugInterval> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(PlugInterval::pluggedInAt));
            for (int i = 1; i < sorted.size(); i++) {
                Instant previousEnd = sorted.get(i - 1).unpluggedAt();
                assertThat(previousEnd).isNotNull();
                assertThat(sorted.get(i).pluggedInAt()).isAfterOrEqualTo(previousEnd);
            }
        });
    }
}
