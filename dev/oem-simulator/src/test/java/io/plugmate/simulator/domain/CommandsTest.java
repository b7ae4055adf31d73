package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OEM commands: asynchronous, vendor latency, failures, capability limits, effect on the physics. */
class CommandsTest {

    private FleetSimulation sim;
    private Household home;

    @BeforeEach
    void setUp() {
        sim = Worlds.quiet();
        home = Worlds.manual(sim, List.of(Vendor.AMPERIA, Vendor.VOLTRA), List.of(Vendor.ZAPLINE, Vendor.WATTBOX));
        sim.setBatteryLevel(vehicle(0).id(), 30);
        sim.setBatteryLevel(vehicle(1).id(), 30);
    }

    @Test
    void stopThenStartChargingAfterVendorLatency() {
        sim.plug(vehicle(0).id(), charger(0).id());
        sim.advanceBy(Duration.ofMinutes(1));
        assertThat(vehicle(0).isCharging()).isTrue();

        CommandRecord stop = sim.submitCommand(vehicle(0).id(), CommandType.STOP_CHARGING, null);
        assertThat(stop.state()).isEqualTo(CommandState.PENDING);
        assertThat(vehicle(0).isCharging()).isTrue(); // accepted, not yet executed
        sim.advanceBy(Duration.ofSeconds(Vendor.AMPERIA.maxCommandLatencySeconds() + 1));
        CommandRecord done = sim.command(stop.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(done.completedAt()).isAfter(done.requestedAt());
        assertThat(vehicle(0).isCharging()).isFalse();
        assertThat(charger(0).isCharging()).isFalse();

        CommandRecord start = sim.submitCommand(charger(0).id(), CommandType.START_CHARGING, null);
        sim.advanceBy(Duration.ofSeconds(Vendor.ZAPLINE.maxCommandLatencySeconds() + 1));
        assertThat(sim.command(start.id()).orElseThrow().state()).isEqualTo(CommandState.SUCCEEDED);
        // the charger allows power again, but the car's own switch is still off
        assertThat(vehicle(0).isCharging()).isFalse();
        CommandRecord startCar = sim.submitCommand(vehicle(0).id(), CommandType.START_CHARGING, null);
        sim.advanceBy(Duration.ofMinutes(1));
        assertThat(sim.command(startCar.id()).orElseThrow().state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(vehicle(0).isCharging()).isTrue();
    }

    @Test
    void maxCurrentLimitsPowerAtTheWall() {
        sim.plug(vehicle(0).id(), charger(0).id());
        sim.advanceBy(Duration.ofMinutes(1));
        double before = vehicle(0).wallPowerKw();
        CommandRecord limit = sim.submitCommand(charger(0).id(), CommandType.SET_MAX_CURRENT, 8);
        sim.advanceBy(Duration.ofMinutes(1));
        assertThat(sim.command(limit.id()).orElseThrow().state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(vehicle(0).wallPowerKw()).isLessThan(before)
                .isCloseTo(ChargingPhysics.acLimitKw(1, 8), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void configuredFailureRateFailsCommands() {
        sim.plug(vehicle(0).id(), charger(0).id());
        sim.setCommandFailureRate(1.0);
        CommandRecord stop = sim.submitCommand(vehicle(0).id(), CommandType.STOP_CHARGING, null);
        sim.advanceBy(Duration.ofMinutes(1));
        CommandRecord failed = sim.command(stop.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(CommandState.FAILED);
        assertThat(failed.failureReason()).isEqualTo("VEHICLE_UNREACHABLE");
        assertThat(vehicle(0).isCharging()).isTrue();
    }

    @Test
    void startingAnUnpluggedCarFails() {
        CommandRecord start = sim.submitCommand(vehicle(0).id(), CommandType.START_CHARGING, null);
        sim.advanceBy(Duration.ofMinutes(1));
        assertThat(sim.command(start.id()).orElseThrow().failureReason()).isEqualTo("NOT_PLUGGED_IN");
    }

    @Test
    void unsupportedCommandsAreRefusedAtOnce() {
        assertThatThrownBy(() -> sim.submitCommand(vehicle(1).id(), CommandType.START_CHARGING, null))
                .isInstanceOfSatisfying(WorldException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorldException.Kind.UNSUPPORTED));
        assertThatThrownBy(() -> sim.submitCommand(charger(1).id(), CommandType.SET_MAX_CURRENT, 10))
                .isInstanceOfSatisfying(WorldException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorldException.Kind.UNSUPPORTED));
        assertThatThrownBy(() -> sim.submitCommand(charger(0).id(), CommandType.SET_MAX_CURRENT, 64))
                .isInstanceOfSatisfying(WorldException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorldException.Kind.INVALID));
    }

    private Vehicle vehicle(int i) {
        return home.vehicles().get(i);
    }

    private Charger charger(int i) {
        return home.chargers().get(i);
    }
}
