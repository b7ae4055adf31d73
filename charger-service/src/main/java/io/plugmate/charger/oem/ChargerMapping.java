package io.plugmate.charger.oem;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountDirectory.Account;
import io.plugmate.device.DeviceMapping;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.oem.OemDevice;

/** A charger as its OEM describes it: identity, information (with the serial number) and native capabilities. */
@ApplicationScoped
public class ChargerMapping implements DeviceMapping<ChargerEntity> {

    @Override
    public ChargerEntity discovered(Account account, OemDevice device) {
        ChargerEntity c = new ChargerEntity();
        c.id = UUID.randomUUID();
        c.clientId = account.clientId();
        c.userId = account.userId();
        c.vendor = device.vendor();
        c.vendorChargerId = device.id();
        c.accountId = account.id();
        information(c, device);
        c.createdAt = WallClock.now();
        c.updatedAt = c.createdAt;
        return c;
    }

    @Override
    public void refreshed(ChargerEntity known, UUID accountId, OemDevice device) {
        information(known, device);
        known.accountId = accountId;
        known.updatedAt = WallClock.now();
    }

    /** Chargers have no location capability: where a charger is comes from pairing's learned places. */
    @Override
    public DeviceCapabilities capabilities(ChargerEntity c) {
        return new DeviceCapabilities(c.canStartCharging, c.canStopCharging, c.canSetMaxCurrent, false);
    }

    private static void information(ChargerEntity c, OemDevice device) {
        if (device.information() != null) {
            c.brand = device.information().brand();
            c.model = device.information().model();
            c.year = device.information().year();
            c.serialNumber = device.information().serialNumber();
            c.displayName = device.information().displayName();
        }
        if (device.capabilities() != null) {
            c.canStartCharging = device.capabilities().startCharging();
            c.canStopCharging = device.capabilities().stopCharging();
            c.canSetMaxCurrent = device.capabilities().setMaxCurrent();
        }
    }
}
