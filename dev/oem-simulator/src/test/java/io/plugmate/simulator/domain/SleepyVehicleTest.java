package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DORMIO's modem sleeps: its cloud keeps serving and re-sending a stale report until the car wakes up. */
class SleepyVehicleTest {

    private FleetSimulation sim;
    private Vehicle car;
    private Charger charger;

    @BeforeEach
    void setUp() {
        sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.DORMIO), List.of(Vendor.WATTBOX));
        car = h.vehicles().getFirst();
        charger = h.chargers().getFirst();
        sim.setBatteryLevel(car.id(), 30);
        sim.advanceBy(Duration.ofMinutes(30));
    }

    @Test
    void fallsAsleepWhenIdleAndRepeatsItsLastReport() {
        assertThat(car.isAsleep()).isTrue();
        List<VehicleReport> reports = Worlds.reportsOf(sim.advanceBy(Duration.ofHours(1)), car.id(), VehicleReport.class);
        assertThat(reports).hasSizeGreaterThan(3);
        assertThat(reports.stream().map(VehicleReport::reportId).distinct()).hasSize(1);
        assertThat(reports.getFirst().observedAt()).isBefore(sim.now().minus(Duration.ofMinutes(60)));
    }

    @Test
    void reportsStaleStateAfterPlugInUntilItWakes() {
        sim.plug(car.id(), charger.id());
        sim.advanceBy(Duration.ofMinutes(1));
        VehicleReport stale = (VehicleReport) sim.currentState(car.id());
        assertThat(car.isCharging()).isTrue(); // physically charging already
        assertThat(stale.isPluggedIn()).isFalse(); // but the cloud does not know yet
        assertThat(sim.groundTruth()).singleElement().satisfies(i -> assertThat(i.unpluggedAt()).isNull());

        List<ReportDelivery> later = sim.advanceBy(Duration.ofMinutes(10));
        assertThat(car.isAsleep()).isFalse();
        assertThat(Worlds.reportsOf(later, car.id(), VehicleReport.class))
                .anySatisfy(r -> assertThat(r.isCharging()).isTrue());
        assertThat(((VehicleReport) sim.currentState(car.id())).isCharging()).isTrue();
    }

    @Test
    void commandsWakeTheCarFirst() {
        sim.plug(car.id(), charger.id());
        sim.advanceBy(Duration.ofMinutes(10));
        sim.advanceBy(Duration.ofMinutes(1));
        CommandRecord stop = sim.submitCommand(car.id(), CommandType.STOP_CHARGING, null);
        sim.advanceBy(Duration.ofMinutes(3));
        assertThat(sim.command(stop.id()).orElseThrow().state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(car.isCharging()).isFalse();
    }
}
