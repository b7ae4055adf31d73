package io.plugmate.vehicle.oem;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.device.DeviceMapping;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.oem.OemDevice;
import io.plugmate.vehicle.persistence.VehicleEntity;

/** A vehicle as its OEM describes it: what every device takes (device-kit), the VIN and the location capability. */
@ApplicationScoped
public class VehicleMapping extends DeviceMapping<VehicleEntity> {

    @Override
    protected VehicleEntity create() {
        return new VehicleEntity();
    }

    @Override
    protected void describe(VehicleEntity v, OemDevice listed) {
        v.vendorVehicleId = listed.id();
        if (listed.information() != null) {
            v.vin = listed.information().vin();
        }
        if (listed.capabilities() != null) {
            v.hasLocation = listed.capabilities().location();
        }
    }

    /** Listed under a working credential: no intervention is needed any more. */
    @Override
    protected void credentialWorks(VehicleEntity v) {
        v.needsRelink = false;
    }

    @Override
    public DeviceCapabilities capabilities(VehicleEntity v) {
        return new DeviceCapabilities(v.canStartCharging, v.canStopCharging, v.canSetMaxCurrent, v.hasLocation);
    }
}
