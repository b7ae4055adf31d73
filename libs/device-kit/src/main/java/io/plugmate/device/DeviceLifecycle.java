package io.plugmate.device;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Tells every service that a device came or went ({@code device-lifecycle}, key userId), through the outbox inside the
 * caller's transaction: a device discovered in a linked account, one gone from it, one the client unlinked.
 */
@ApplicationScoped
public class DeviceLifecycle {

    private final DeviceDirectory devices;
    private final Outbox outbox;

    public DeviceLifecycle(DeviceDirectory devices, Outbox outbox) {
        this.devices = devices;
        this.outbox = outbox;
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
