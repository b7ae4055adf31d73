package io.plugmate.vehicle.oem;

import java.util.UUID;

import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemDevice;
import io.plugmate.vehicle.persistence.VehicleEntity;

/** A vehicle as discovered in a linked account: identity and native capabilities, no state until it reports. */
public final class NewVehicles {

    private NewVehicles() {
    }

    public static VehicleEntity from(String clientId, String userId, UUID accountId, OemDevice device) {
        VehicleEntity v = new VehicleEntity();
        v.id = UUID.randomUUID();
        v.clientId = clientId;
        v.userId = userId;
        v.vendor = device.vendor();
        v.vendorVehicleId = device.id();
        v.accountId = accountId;
        applyInformation(v, device);
        v.createdAt = WallClock.now();
        v.updatedAt = v.createdAt;
        return v;
    }

    public static void applyInformation(VehicleEntity v, OemDevice device) {
        if (device.information() != null) {
            v.brand = device.information().brand();
            v.model = device.information().model();
            v.year = device.information().year();
            v.vin = device.information().vin();
            v.displayName = device.information().displayName();
        }
        if (device.capabilities() != null) {
            v.canStartCharging = device.capabilities().startCharging();
            v.canStopCharging = device.capabilities().stopCharging();
            v.canSetMaxCurrent = device.capabilities().setMaxCurrent();
            v.hasLocation = device.capabilities().location();
        }
    }
}
