package io.plugmate.simulator.world;

import java.util.List;

import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vendor;

/**
 * The demo fleet starts with one household per interesting case, so that even a five-household demo shows every
 * vendor quirk; any further households are random.
 */
final class DemoFleet {

    static final List<HouseholdSpec> SHOWCASE = List.of(
            // multi-type linking: one TESLA account with a car and a Wall Connector
            spec(List.of(Vendor.TESLA), List.of(Vendor.TESLA)),
            // two cars, one charger: only one can be plugged in; VOLTRA has no charge rate, NORDAUTO no GPS
            spec(List.of(Vendor.VOLTRA, Vendor.NORDAUTO), List.of(Vendor.WATTBOX)),
            // the sleepy car at a charger that reports no charge rate
            spec(List.of(Vendor.DORMIO), List.of(Vendor.ZAPLINE)),
            // one car, two chargers: which one is it on?
            spec(List.of(Vendor.AMPERIA), List.of(Vendor.ZAPLINE, Vendor.TESLA)),
            // no home charger: public charging only
            spec(List.of(Vendor.NORDAUTO), List.of()));

    private DemoFleet() {
    }

    static void populate(FleetSimulation sim, int households) {
        int showcase = Math.min(households, SHOWCASE.size());
        SHOWCASE.subList(0, showcase).forEach(sim::addHousehold);
        sim.addRandomHouseholds(households - showcase);
    }

    private static HouseholdSpec spec(List<Vendor> vehicles, List<Vendor> chargers) {
        return new HouseholdSpec(vehicles, chargers, true, null);
    }
}
