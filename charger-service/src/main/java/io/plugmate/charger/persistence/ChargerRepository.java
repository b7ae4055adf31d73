package io.plugmate.charger.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.device.DeviceRepository;

/**
 * The chargers: what both device services ask of their devices (every query takes the tenant; every transaction that
 * changes a charger reads it locked, several rows in id order) is device-kit's {@link DeviceRepository}.
 */
@ApplicationScoped
public class ChargerRepository extends DeviceRepository<ChargerEntity> {

    public ChargerRepository() {
        super("vendorChargerId", ChargerEntity.class);
    }
}
