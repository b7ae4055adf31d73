package io.plugmate.device;

import java.util.UUID;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.oem.OemDevice;

/**
 * How a service's device entity is made from, and kept in step with, the OEM's description of a device (identity,
 * information, native capabilities): one bean per service. The entity and its columns stay the service's own.
 *
 * @param <E> the service's device entity
 */
public interface DeviceMapping<E extends DeviceEntity> {

    /** A device that appeared in the account: identity, information and native capabilities, no state until it reports. */
    E discovered(AccountDirectory.Account account, OemDevice device);

    /** A known device listed again under the account's working credential: its information is current again. */
    void refreshed(E known, UUID accountId, OemDevice device);

    /** What the device can natively do, as {@code DeviceLinked} announces it. */
    DeviceCapabilities capabilities(E device);
}
