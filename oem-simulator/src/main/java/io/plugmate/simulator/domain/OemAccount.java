package io.plugmate.simulator.domain;

import java.util.List;

/**
 * A household's login at one OEM cloud. A TESLA account holds both vehicles and chargers (multi-type linking).
 * Passwords are sandbox data, printed on purpose.
 */
public record OemAccount(String id, Vendor vendor, String householdId, String username, String password,
        List<String> vehicleIds, List<String> chargerIds) {

    public boolean holds(String deviceId) {
        return vehicleIds.contains(deviceId) || chargerIds.contains(deviceId);
    }
}
