package io.plugmate.benchmarks.scenarios;

import java.util.List;

import io.plugmate.simulator.domain.Vendor;

/**
 * Vendor mixes. "Plain" vendors report everything (charge rate, GPS, no sleep), so a class built from them isolates
 * the difficulty it is about; the vendors with a quirk each have their own class.
 */
final class Vendors {

    static final List<Vendor> PLAIN_VEHICLES = List.of(Vendor.TESLA, Vendor.AMPERIA);
    static final List<Vendor> PLAIN_CHARGERS = List.of(Vendor.TESLA, Vendor.WATTBOX);
    static final List<Vendor> ALL_VEHICLES = Vendor.vehicleVendors();
    static final List<Vendor> ALL_CHARGERS = Vendor.chargerVendors();

    private Vendors() {
    }
}
