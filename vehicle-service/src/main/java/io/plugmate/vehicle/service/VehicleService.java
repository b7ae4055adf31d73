package io.plugmate.vehicle.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.device.DeviceService;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;

/** The vehicle use cases behind the API (get, list, unlink: device-kit's {@link DeviceService}), tenant-scoped. */
@ApplicationScoped
public class VehicleService extends DeviceService<VehicleEntity> {

    public VehicleService(VehicleRepository vehicles, DeviceLifecycle lifecycle, DeviceDirectory directory) {
        super(vehicles, lifecycle, directory);
    }
}
