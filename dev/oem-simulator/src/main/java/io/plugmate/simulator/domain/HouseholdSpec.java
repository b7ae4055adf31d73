package io.plugmate.simulator.domain;

import java.util.List;

/** What the sandbox asks for: vendors of the vehicles and chargers, and whether the household lives on its own. */
public record HouseholdSpec(List<Vendor> vehicleVendors, List<Vendor> chargerVendors, boolean autonomous,
        GeoPoint home) {

    public HouseholdSpec {
        vehicleVendors = List.copyOf(vehicleVendors);
        chargerVendors = List.copyOf(chargerVendors);
    }
}
