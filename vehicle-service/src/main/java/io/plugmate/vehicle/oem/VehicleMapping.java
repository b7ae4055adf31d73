package io.plugmate.vehicle.oem;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountDirectory.Account;
import io.plugmate.device.DeviceMapping;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.oem.OemDevice;
import io.plugmate.vehicle.persistence.VehicleEntity;

/** A vehicle as its OEM describes it: identity, information (with the VIN) and native capabilities. */
@ApplicationScoped
public class VehicleMapping implements DeviceMapping<VehicleEntity> {

    @Override
    public VehicleEntity discovered(Account account, OemDevice device) {
        VehicleEntity v = new VehicleEntity();
        v.id = UUID.randomUUID();
        v.clientId = account.clientId();
        v.userId = account.userId();
        v.vendor = device.vendor();
        v.vendorVehicleId = device.id();
        v.accountId = account.id();
        information(v, device);
        v.createdAt = WallClock.now();
        v.updatedAt = v.createdAt;
        return v;
    }

    /** Listed under a working credential: its information is current and no intervention is needed any more. */
    @Override
    public void refreshed(VehicleEntity known, UUID accountId, OemDevice device) {
        information(known, device);
        known.accountId = accountId;
        known.needsRelink = false;
        known.updatedAt = WallClock.now();
    }

    @Override
    public DeviceCapabilities capabilities(VehicleEntity v) {
        return new DeviceCapabilities(v.canStartCharging, v.canStopCharging, v.canSetMaxCurrent, v.hasLocation);
    }

    private static void information(VehicleEntity v, OemDevice device) {
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
