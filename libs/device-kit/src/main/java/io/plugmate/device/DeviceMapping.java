package io.plugmate.device;

import java.util.List;
import java.util.UUID;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.ElectricalData;
import io.plugmate.oem.OemDevice;

/**
 * How a service's device entity is made from, and kept in step with, the OEM's description of a device (identity,
 * information, native capabilities): one bean per service. What both kinds take from the OEM's listing is here; the
 * service adds what only its kind has ({@link #describe}: the OEM's id column, a VIN, a serial number, a supply).
 *
 * @param <E> the service's device entity
 */
public abstract class DeviceMapping<E extends LinkedDeviceEntity> {

    /** A new, empty entity of the service's kind. */
    protected abstract E create();

    /** What only this kind takes from the OEM's description, on discovery and on every refresh. */
    protected abstract void describe(E device, OemDevice listed);

    /** What the device can natively do, as {@code DeviceLinked} and {@code DeviceUpdated} announce it. */
    public abstract DeviceCapabilities capabilities(E device);

    /** The device's supply as its OEM describes it (chargers); null where unknown or not applicable. */
    public ElectricalData electrical(E device) {
        return null;
    }

    /**
     * The scopes the client was granted for the device, as {@code DeviceLinked} and {@code DeviceUpdated} carry them
     * (docs/adr/0012: statistics withholds a charger's measurements without {@code charger:read:data}), sorted; null
     * where not told (the default: a service whose consumers need no scopes of its kind).
     */
    public List<String> scopes(E device) {
        return null;
    }

    /**
     * The device was listed again under the account's working credential; a service whose devices carry their own
     * relink flag clears it here.
     */
    protected void credentialWorks(E device) {
    }

    /** A device that appeared in the account: identity, information and native capabilities, no state until it reports. */
    public E discovered(AccountDirectory.Account account, OemDevice listed) {
        E device = create();
        device.id = UUID.randomUUID();
        device.clientId = account.clientId();
        device.userId = account.userId();
        device.vendor = listed.vendor();
        device.accountId = account.id();
        information(device, listed);
        device.createdAt = WallClock.now();
        device.updatedAt = device.createdAt;
        return device;
    }

    /** A known device listed again under the account's working credential: its information is current again. */
    public void refreshed(E known, UUID accountId, OemDevice listed) {
        information(known, listed);
        known.accountId = accountId;
        credentialWorks(known);
        known.updatedAt = WallClock.now();
    }

    private void information(E device, OemDevice listed) {
        if (listed.information() != null) {
            device.brand = listed.information().brand();
            device.model = listed.information().model();
            device.year = listed.information().year();
            device.displayName = listed.information().displayName();
        }
        if (listed.capabilities() != null) {
            device.canStartCharging = listed.capabilities().startCharging();
            device.canStopCharging = listed.capabilities().stopCharging();
            device.canSetMaxCurrent = listed.capabilities().setMaxCurrent();
        }
        describe(device, listed);
    }
}
