package io.plugmate.charger.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.device.DeviceService;

/** The charger use cases behind the API (get, list, unlink: device-kit's {@link DeviceService}), tenant-scoped. */
@ApplicationScoped
public class ChargerService extends DeviceService<ChargerEntity> {

    public ChargerService(ChargerRepository chargers, DeviceLifecycle lifecycle, DeviceDirectory directory) {
        super(chargers, lifecycle, directory);
    }
}
