package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One car charging at one wallbox, through the whole world: power, losses, meter, state of charge, taper. */
class ChargingSessionTest {

    private FleetSimulation sim;
    private Vehicle vehicle;
    private Charger charger;
    private final List<ReportDelivery> deliveries = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.TESLA), List.of(Vendor.WATTBOX));
        vehicle = h.vehicles().getFirst();
        charger = h.chargers().getFirst();
        vehicle.chargeLimitPercent = 100; // the whole curve, taper included
        sim.setBatteryLevel(vehicle.id(), 40);
        sim.plug(vehicle.id(), charger.id());
        for (int minute = 0; minute < 12 * 60; minute++) {
            deliveries.addAll(sim.advanceBy(Duration.ofMinutes(1)));
        }
    }

    @Test
    void chargesUpToTheLimitAndStops() {
        assertThat(vehicle.socPercent()).isEqualTo(vehicle.chargeLimitPercent());
        assertThat(vehicle.isCharging()).isFalse();
        assertThat(vehicle.isPluggedIn()).isTrue();
        VehicleReport last = Worlds.reportsOf(deliveries, vehicle.id(), VehicleReport.class).getLast();
        assertThat(last.isPluggedIn()).isTrue();
        assertThat(last.isCharging()).isFalse();
        assertThat(last.batteryLevel()).isEqualTo(vehicle.chargeLimitPercent());
    }

    @Test
    void stateOfChargeStaysWithinBoundsAndNeverDrops() {
        List<VehicleReport> reports = Worlds.reportsOf(deliveries, vehicle.id(), VehicleReport.class);
        assertThat(reports).isNotEmpty();
        int previous = 0;
        for (VehicleReport r : reports) {
            assertThat(r.batteryLevel()).isBetween(0, 100).isGreaterThanOrEqualTo(previous);
            previous = r.batteryLevel();
        }
    }

    @Test
    void chargerMeterIsMonotonicAndCountsWallEnergy() {
        List<ChargerReport> reports = Worlds.reportsOf(deliveries, charger.id(), ChargerReport.class).stream()
                .sorted(Comparator.comparing(ChargerReport::observedAt)).toList();
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).energyMeterKwh()).isGreaterThanOrEqualTo(reports.get(i - 1).energyMeterKwh());
        }
        double meterDelta = reports.getLast().energyMeterKwh() - reports.getFirst().energyMeterKwh();
        double batteryKwh = (vehicle.chargeLimitPercent() - 40) / 100.0 * vehicle.model().batteryCapacityKwh();
        // the wall delivered more than the battery stored: the difference is the car's charging losses
        assertThat(meterDelta).isGreaterThan(batteryKwh);
        assertThat(batteryKwh / meterDelta).isCloseTo(vehicle.efficiency(), org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void wallPowerExceedsWhatTheVehicleReports() {
        List<VehicleReport> vehicleReports = Worlds.reportsOf(deliveries, vehicle.id(), VehicleReport.class);
        // bulk phase: before the car reached 78 %, power at the wall is constant
        Instant bulkEnd = vehicleReports.stream().filter(r -> r.batteryLevel() >= 78).findFirst().orElseThrow()
                .observedAt().minus(vehicle.clockSkew());
        List<Double> wall = Worlds.reportsOf(deliveries, charger.id(), ChargerReport.class).stream()
                .filter(r -> r.isCharging() && r.observedAt().isBefore(bulkEnd)).map(ChargerReport::chargeRateKw).toList();
        List<Double> reportedByCar = vehicleReports.stream().filter(r -> r.isCharging() && r.batteryLevel() < 78)
                .map(VehicleReport::chargeRateKw).toList();
        assertThat(wall).isNotEmpty();
        assertThat(reportedByCar).isNotEmpty();
        double lowestWall = wall.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(reportedByCar).allSatisfy(kw -> assertThat(kw).isPositive().isLessThan(lowestWall));
        // and they are not identical either: each side has its own measurement noise
        assertThat(reportedByCar.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void powerTapersNearFull() {
        List<VehicleReport> charging = Worlds.reportsOf(deliveries, vehicle.id(), VehicleReport.class).stream()
                .filter(VehicleReport::isCharging).toList();
        double early = charging.stream().filter(r -> r.batteryLevel() < 70).mapToDouble(VehicleReport::chargeRateKw)
                .average().orElseThrow();
        double late = charging.stream().filter(r -> r.batteryLevel() >= 86).mapToDouble(VehicleReport::chargeRateKw)
                .average().orElseThrow();
        assertThat(late).isLessThan(early * 0.8);
    }

    @Test
    void groundTruthRecordsThePlugInterval() {
        sim.unplug(vehicle.id());
        List<PlugInterval> truth = sim.groundTruth();
        assertThat(truth).singleElement().satisfies(i -> {
            assertThat(i.vehicleId()).isEqualTo(vehicle.id());
            assertThat(i.chargerId()).isEqualTo(charger.id());
            assertThat(i.householdId()).isEqualTo(vehicle.householdId());
            assertThat(i.pluggedInAt()).isEqualTo(Worlds.START);
            assertThat(i.unpluggedAt()).isEqualTo(Worlds.START.plus(Duration.ofHours(12)));
        });
    }
}
