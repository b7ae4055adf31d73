package io.plugmate.device;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.CapabilitiesChanged;
import io.plugmate.events.InvalidEventException;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Orchestration's {@code capability-events} for the service's kind of device: the latest event per device (by
 * {@code occurredAt}) says which capabilities are unlocked through a pair, and the view shows them
 * ({@link CapabilityView}). Another kind's events and another client's devices change nothing; idempotent through the
 * inbox as {@code <quarkus.application.name>/capability-events}; a record that is not such an event goes to
 * {@code capability-events-dlq} (the channel's defaults are device-kit's), any other failure is retried in place.
 */
@ApplicationScoped
public class CapabilityEventsConsumer {

    private final DeviceRepository<?> devices;
    private final DeviceDirectory directory;
    private final Inbox inbox;
    private final String consumer;

    public CapabilityEventsConsumer(DeviceRepository<?> devices, DeviceDirectory directory, Inbox inbox,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.devices = devices;
        this.directory = directory;
        this.inbox = inbox;
        this.consumer = service + "/capability-events";
    }

    @Incoming("capability-events")
    @RetriedInPlace
    @WithTransaction
    public Uni<Void> consume(String record) {
        return inbox.handleOnce(consumer, record, CapabilitiesChanged.class, this::apply);
    }

    private Uni<Void> apply(CapabilitiesChanged event) {
        if (event.deviceType() == null || event.deviceId() == null || event.occurredAt() == null) {
            throw new InvalidEventException("CapabilitiesChanged without deviceType, deviceId or occurredAt");
        }
        if (event.deviceType() != directory.type()) {
            return Uni.createFrom().voidItem(); // the other device service's
        }
        return devices.findOwnedForUpdate(event.clientId(), event.deviceId()).invoke(device -> {
            if (device instanceof LinkedDeviceEntity known) {
                known.capabilitiesChanged(event, WallClock.now());
            }
        }).replaceWithVoid();
    }
}
