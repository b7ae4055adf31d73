package io.plugmate.charger.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.device.DeviceService;
import io.plugmate.device.LinkedDevice;
import io.smallrye.mutiny.Uni;

/**
 * The charger use cases behind the API (get, list, unlink — which lets an account go with its last charger:
 * device-kit's {@link DeviceService}), tenant-scoped.
 */
@ApplicationScoped
public class ChargerService extends DeviceService<ChargerEntity> {

    private final AccountService accounts;

    public ChargerService(ChargerRepository chargers, DeviceLifecycle lifecycle, DeviceDirectory directory,
            AccountService accounts) {
        super(chargers, lifecycle, directory);
        this.accounts = accounts;
    }

    /** The account's last charger is unlinked: vehicle-service may revoke its grant (docs/adr/0011). */
    @Override
    protected Uni<Void> lastOfAccount(LinkedDevice device) {
        return accounts.lastChargerUnlinked(device.accountId());
    }
}
