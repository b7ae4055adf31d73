package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The meter ground truth statistics are scored against: the wallbox's own meter at the true plug-in and unplug. */
class MeterGroundTruthTest {

    @Test
    void eachPlugIntervalAtAHouseholdChargerCarriesTheMeterAtBothEnds() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.TESLA), List.of(Vendor.TESLA));
        String vehicle = h.vehicles().getFirst().id();
        String charger = h.chargers().getFirst().id();
        sim.setBatteryLevel(vehicle, 20);
        double before = sim.charger(charger).orElseThrow().meterKwh();

        sim.plug(vehicle, charger);
        List<ReportDelivery> deliveries = sim.advanceBy(Duration.ofMinutes(95));
        sim.unplug(vehicle);
        deliveries = new java.util.ArrayList<>(deliveries);
        deliveries.addAll(sim.advanceBy(Duration.ofMinutes(1)));

        MeteredInterval truth = sim.meterGroundTruth().getFirst();
        double after = sim.charger(charger).orElseThrow().meterKwh();
        assertThat(truth.chargerId()).isEqualTo(charger);
        assertThat(truth.meterAtPlugInKwh()).isEqualTo(before);
        assertThat(truth.meterAtUnplugKwh()).isEqualTo(after);
        assertThat(truth.energyKwh()).isGreaterThan(5);
        // what the charger reported at the unplug is the same meter, to its 3 decimals
        ChargerReport last = Worlds.reportsOf(deliveries, charger, ChargerReport.class).getLast();
        assertThat(last.isPluggedIn()).isFalse();
        assertThat(last.energyMeterKwh()).isCloseTo(after, within(0.0005));
    }

    @Test
    void publicChargingHasNoMeterTruthAndAnOpenIntervalNoEnd() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.TESLA, Vendor.AMPERIA), List.of(Vendor.WATTBOX));
        sim.plugPublic(h.vehicles().get(0).id(), "street-1", 22);
        sim.plug(h.vehicles().get(1).id(), h.chargers().getFirst().id());
        sim.advanceBy(Duration.ofMinutes(30));

        assertThat(sim.meterGroundTruth()).singleElement().satisfies(m -> {
            assertThat(m.vehicleId()).isEqualTo(h.vehicles().get(1).id());
            assertThat(m.energyKwh()).isNull();
        });
    }
}
