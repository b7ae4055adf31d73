package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Devices joining and leaving a household (and its OEM accounts) after it was created. */
class HouseholdChangesTest {

    @Test
    void aNewCarJoinsTheAccountAtItsVendorAndReports() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.TESLA), List.of(Vendor.TESLA));
        OemAccount tesla = h.accounts().getFirst();

        Vehicle added = sim.addVehicle(h.id(), Vendor.TESLA);

        assertThat(sim.account(tesla.id()).orElseThrow().vehicleIds())
                .containsExactly(h.vehicles().getFirst().id(), added.id());
        assertThat(sim.account(tesla.id()).orElseThrow().chargerIds()).isEqualTo(tesla.chargerIds());
        assertThat(sim.accountOf(added.id())).map(OemAccount::id).contains(tesla.id());
        assertThat(sim.household(h.id()).orElseThrow().vehicles()).extracting(Vehicle::id)
                .containsExactly(h.vehicles().getFirst().id(), added.id());
        List<ReportDelivery> deliveries = sim.advanceBy(Duration.ofMinutes(10));
        assertThat(Worlds.reportsOf(deliveries, added.id(), VehicleReport.class)).isNotEmpty();
    }

    @Test
    void aWallboxOfANewVendorOpensANewLogin() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.NORDAUTO), List.of());

        Charger added = sim.addCharger(h.id(), Vendor.ZAPLINE);

        Household now = sim.household(h.id()).orElseThrow();
        assertThat(now.accounts()).extracting(OemAccount::vendor).containsExactly(Vendor.NORDAUTO, Vendor.ZAPLINE);
        OemAccount zapline = now.accounts().get(1);
        assertThat(zapline.id()).isEqualTo("acct-zapline-" + h.id());
        assertThat(zapline.chargerIds()).containsExactly(added.id());
        assertThat(zapline.password()).isNotBlank();
        assertThat(sim.account(zapline.id())).contains(zapline);
        assertThat(now.chargers()).containsExactly(added);
    }

    @Test
    void aRemovedCarIsUnpluggedLeavesItsAccountAndFallsSilent() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.TESLA, Vendor.TESLA), List.of(Vendor.WATTBOX));
        Vehicle sold = h.vehicles().getFirst();
        Vehicle kept = h.vehicles().get(1);
        sim.plug(sold.id(), h.chargers().getFirst().id());
        sim.advanceBy(Duration.ofMinutes(30));

        sim.removeDevice(sold.id());

        assertThat(sim.groundTruth()).singleElement().satisfies(interval -> {
            assertThat(interval.vehicleId()).isEqualTo(sold.id());
            assertThat(interval.unpluggedAt()).isEqualTo(sim.now());
        });
        assertThat(h.chargers().getFirst().pluggedVehicle()).isNull();
        assertThat(sim.accountOf(sold.id())).isEmpty();
        OemAccount tesla = sim.household(h.id()).orElseThrow().accounts().getFirst();
        assertThat(tesla.vehicleIds()).containsExactly(kept.id());
        assertThat(sim.household(h.id()).orElseThrow().vehicles()).containsExactly(kept);
        assertThat(sim.vehicle(sold.id())).isEmpty();
        List<ReportDelivery> later = sim.advanceBy(Duration.ofHours(2));
        assertThat(Worlds.reportsOf(later, sold.id(), VehicleReport.class)).isEmpty();
        assertThat(Worlds.reportsOf(later, kept.id(), VehicleReport.class)).isNotEmpty();
        assertThatThrownBy(() -> sim.removeDevice(sold.id())).isInstanceOf(WorldException.class)
                .extracting(e -> ((WorldException) e).kind()).isEqualTo(WorldException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> sim.plug(sold.id(), h.chargers().getFirst().id()))
                .isInstanceOf(WorldException.class);
        // ids are never reused
        assertThat(sim.addVehicle(h.id(), Vendor.TESLA).id()).isNotIn(sold.id(), kept.id());
    }

    @Test
    void aRemovedWallboxReleasesTheCarPluggedIntoIt() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.NORDAUTO), List.of(Vendor.ZAPLINE));
        Vehicle car = h.vehicles().getFirst();
        Charger box = h.chargers().getFirst();
        sim.plug(car.id(), box.id());
        sim.advanceBy(Duration.ofMinutes(5));

        sim.removeDevice(box.id());

        assertThat(car.isPluggedIn()).isFalse();
        assertThat(sim.charger(box.id())).isEmpty();
        assertThat(sim.household(h.id()).orElseThrow().accounts()).filteredOn(a -> a.vendor() == Vendor.ZAPLINE)
                .singleElement().satisfies(a -> assertThat(a.chargerIds()).isEmpty());
        assertThat(Worlds.reportsOf(sim.advanceBy(Duration.ofHours(1)), box.id(), ChargerReport.class)).isEmpty();
    }

    @Test
    void aSoldCarOfAnAutonomousHouseholdNeverPlugsInAgain() {
        FleetSimulation sim = Worlds.quiet();
        Household h = sim.addHousehold(new HouseholdSpec(List.of(Vendor.AMPERIA), List.of(Vendor.WATTBOX), true, null));
        Vehicle sold = h.vehicles().getFirst();
        sim.advanceBy(Duration.ofDays(4));
        sim.removeDevice(sold.id());
        Instant removedAt = sim.now();

        sim.advanceBy(Duration.ofDays(5));

        assertThat(sim.groundTruth()).filteredOn(i -> i.vehicleId().equals(sold.id())).allSatisfy(i -> {
            assertThat(i.pluggedInAt()).isBeforeOrEqualTo(removedAt);
            assertThat(i.unpluggedAt()).isNotNull();
        });
    }

    @Test
    void limitsAndVendorsAreChecked() {
        FleetSimulation sim = Worlds.quiet();
        Household h = Worlds.manual(sim, List.of(Vendor.TESLA, Vendor.VOLTRA, Vendor.DORMIO),
                List.of(Vendor.TESLA, Vendor.WATTBOX));

        assertThatThrownBy(() -> sim.addVehicle(h.id(), Vendor.AMPERIA)).isInstanceOf(WorldException.class)
                .extracting(e -> ((WorldException) e).kind()).isEqualTo(WorldException.Kind.CONFLICT);
        assertThatThrownBy(() -> sim.addCharger(h.id(), Vendor.ZAPLINE)).isInstanceOf(WorldException.class)
                .extracting(e -> ((WorldException) e).kind()).isEqualTo(WorldException.Kind.CONFLICT);
        assertThatThrownBy(() -> sim.addCharger(h.id(), Vendor.VOLTRA)).isInstanceOf(WorldException.class)
                .extracting(e -> ((WorldException) e).kind()).isEqualTo(WorldException.Kind.INVALID);
        assertThatThrownBy(() -> sim.addVehicle("hh-9999", Vendor.TESLA)).isInstanceOf(WorldException.class)
                .extracting(e -> ((WorldException) e).kind()).isEqualTo(WorldException.Kind.NOT_FOUND);
    }
}
