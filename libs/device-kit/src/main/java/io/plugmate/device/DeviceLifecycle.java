package io.plugmate.device;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.OemDevice;
import io.smallrye.mutiny.Uni;

/**
 * Devices coming and going, inside the caller's transaction: an account's current device list applied (a link, an
 * announcement, a re-sync), and every service told ({@code device-lifecycle}, key userId, through the outbox) of a
 * device discovered in a linked account, one gone from it, one the client unlinked.
 */
@ApplicationScoped
public class DeviceLifecycle {

    private final DeviceDirectory devices;
    private final Outbox outbox;

    public DeviceLifecycle(DeviceDirectory devices, Outbox outbox) {
        this.devices = devices;
        this.outbox = outbox;
    }

    /**
     * Applies an account's current device list ({@link AccountSync}): devices that appeared are stored and announced,
     * known ones refreshed (even when they came through another account of the client), vanished ones removed.
     *
     * @return how many devices came or went
     */
    public <E extends DeviceEntity> Uni<Integer> sync(DeviceRepository<E> repository, DeviceMapping<E> mapping,
            AccountDirectory.Account account, List<OemDevice> listed) {
        return repository.findByVendorForUpdate(account.clientId(), account.vendor())
                .chain(known -> AccountSync.plan(account.id(), listed, known, d -> d.linked().vendorDeviceId(),
                        d -> d.linked().accountId()).apply(device -> {
                            E discovered = mapping.discovered(account, device);
                            return repository.persist(discovered)
                                    .chain(() -> linked(discovered.linked(), mapping.capabilities(discovered)));
                        }, (existing, device) -> {
                            mapping.refreshed(existing, account.id(), device);
                            return Uni.createFrom().voidItem();
                        }, gone -> repository.delete(gone).chain(() -> removed(gone.linked()))));
    }

    /** A new device, with what it can natively do. */
    public Uni<Void> linked(LinkedDevice device, DeviceCapabilities capabilities) {
        return outbox.publish(Topics.DEVICE_LIFECYCLE, device.userId(), new DeviceLinked(UUID.randomUUID(),
                DeviceLinked.SCHEMA_VERSION, device.clientId(), device.userId(), WallClock.now(), devices.type(),
                device.id(), device.vendor(), capabilities));
    }

    /** A device that is gone for its client. */
    public Uni<Void> removed(LinkedDevice device) {
        return outbox.publish(Topics.DEVICE_LIFECYCLE, device.userId(), new DeviceRemoved(UUID.randomUUID(),
                DeviceRemoved.SCHEMA_VERSION, device.clientId(), device.userId(), WallClock.now(), devices.type(),
                device.id()));
    }
}
