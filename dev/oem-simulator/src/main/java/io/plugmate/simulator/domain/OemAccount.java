package io.plugmate.simulator.domain;

import java.util.List;

/**
 * A household's login at one OEM cloud. A TESLA account holds both vehicles and chargers (multi-type linking).
 * Passwords are sandbox data, printed on purpose.
 */
public record OemAccount(String id, Vendor vendor, String householdId, String username, String password,
        List<String> vehicleIds, List<String> chargerIds) {

    public OemAccount {
        vehicleIds = List.copyOf(vehicleIds);
        chargerIds = List.copyOf(chargerIds);
    }

    public boolean holds(String deviceId) {
        return vehicleIds.contains(deviceId) || chargerIds.contains(deviceId);
    }

    /** The same login with one more device (a new car or wallbox registered at the OEM). */
    OemAccount with(Device device) {
        return device.type() == DeviceType.VEHICLE
                ? new OemAccount(id, vendor, householdId, username, password, append(vehicleIds, device.id()), chargerIds)
                : new OemAccount(id, vendor, householdId, username, password, vehicleIds, append(chargerIds, device.id()));
    }

    /** The same login without the device (sold, uninstalled). */
    OemAccount without(String deviceId) {
        return new OemAccount(id, vendor, householdId, username, password,
                vehicleIds.stream().filter(v -> !v.equals(deviceId)).toList(),
                chargerIds.stream().filter(c -> !c.equals(deviceId)).toList());
    }

    private static List<String> append(List<String> ids, String id) {
        List<String> more = new java.util.ArrayList<>(ids);
        more.add(id);
        return more;
    }
}
