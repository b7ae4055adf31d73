package io.plugmate.simulator.domain;

import java.util.List;

/**
 * A home with its cars, wallboxes and one OEM account per vendor present. {@code autonomous} households live their
 * own daily routine; the others only do what the sandbox tells them.
 */
public record Household(String id, GeoPoint home, boolean autonomous, List<Vehicle> vehicles, List<Charger> chargers,
        List<OemAccount> accounts) {
}
