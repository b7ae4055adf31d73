package io.plugmate.vehicle.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.device.DeviceService;
import io.plugmate.device.LinkedDevice;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.smallrye.mutiny.Uni;

/**
 * The vehicle use cases behind the API (get, list, unlink — which lets an account's grant go with its last vehicle:
 * device-kit's {@link DeviceService}), tenant-scoped.
 */
@ApplicationScoped
public class VehicleService extends DeviceService<VehicleEntity> {

    private final AccountService accounts;

    public VehicleService(VehicleRepository vehicles, DeviceLifecycle lifecycle, DeviceDirectory directory,
            AccountService accounts) {
        super(vehicles, lifecycle, directory);
        this.accounts = accounts;
    }

    /** The account's last vehicle is unlinked: its grant may go (docs/adr/0011). */
    @Override
    protected Uni<Void> lastOfAccount(LinkedDevice device) {
        return accounts.lastVehicleUnlinked(device.accountId());
    }
}
