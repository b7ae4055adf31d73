package io.plugmate.charger.oem;

import java.util.UUID;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemDevice;

/** A charger as discovered in a linked account: identity and native capabilities, no state until it reports. */
public final class NewChargers {

    private NewChargers() {
    }

    public static ChargerEntity from(String clientId, String userId, UUID accountId, OemDevice device) {
        ChargerEntity c = new ChargerEntity();
        c.id = UUID.randomUUID();
        c.clientId = clientId;
        c.userId = userId;
        c.vendor = device.vendor();
        c.vendorChargerId = device.id();
        c.accountId = accountId;
        applyInformation(c, device);
        c.createdAt = WallClock.now();
        c.updatedAt = c.createdAt;
        return c;
    }

    public static void applyInformation(ChargerEntity c, OemDevice device) {
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
