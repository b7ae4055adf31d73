package io.plugmate.vehicle.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.plugmate.device.DeviceRepository;
import io.smallrye.mutiny.Uni;

/**
 * The vehicles. What both device services ask of their devices (every query takes the tenant; every transaction that
 * changes a device reads it locked, several rows in id order) is device-kit's {@link DeviceRepository}; here is what
 * only vehicles need.
 */
@ApplicationScoped
public class VehicleRepository extends DeviceRepository<VehicleEntity> {

    public VehicleRepository() {
        super("vendorVehicleId", VehicleEntity.class);
    }

    /** The client's vehicles plugged into the charger, locked. */
    public Uni<List<VehicleEntity>> findPluggedIntoForUpdate(String clientId, String chargerId) {
        return find("clientId = ?1 and pluggedInChargerId = ?2 order by id", clientId, chargerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
