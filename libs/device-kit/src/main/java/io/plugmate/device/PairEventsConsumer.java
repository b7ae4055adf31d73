package io.plugmate.device;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceType;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PairEvent;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reflects pairs on the service's devices: an activated pair sets the counterpart ({@code pluggedInChargerId} on a
 * vehicle, {@code pluggedInVehicleId} on a charger), deactivation or dissolution of that same pair clears it. Events of
 * another client never touch a device; a record that is not a pair event fails and goes to {@code pair-events-dlq}.
 */
@ApplicationScoped
public class PairEventsConsumer {

    private static final Logger LOG = Logger.getLogger(PairEventsConsumer.class);

    private final DeviceRepository<?> devices;
    private final DeviceType type;
    private final Inbox inbox;
    private final String consumer;

    /** @param service this service's name: the inbox remembers events per {@code <service>/pair-events} */
    public PairEventsConsumer(DeviceRepository<?> devices, DeviceDirectory directory, Inbox inbox,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.devices = devices;
        this.type = directory.type();
        this.inbox = inbox;
        this.consumer = service + "/pair-events";
    }

    @Incoming("pair-events")
    @RetriedInPlace
    @WithTransaction
    public Uni<Void> consume(String record) {
        return inbox.handleOnce(consumer, record, PairEvent.class, this::apply);
    }

    private Uni<Void> apply(PairEvent event) {
        String deviceId = type == DeviceType.VEHICLE ? event.vehicleId() : event.chargerId();
        return devices.findOwnedForUpdate(event.clientId(), deviceId).invoke(device -> {
            if (device == null) {
                // unlinked meanwhile, or not this client's: nothing to reflect
                LOG.debugf("pair event %s for unknown %s %s", event.eventId(), type.wireName(), deviceId);
                return;
            }
            reflect(device, event, type);
        }).replaceWithVoid();
    }

    static void reflect(DeviceEntity device, PairEvent event, DeviceType type) {
        switch (event) {
            case PairActivated activated -> device.pairedWith(activated.pairId(),
                    type == DeviceType.VEHICLE ? activated.chargerId() : activated.vehicleId(), WallClock.now());
            case PairDeactivated deactivated -> device.unpaired(deactivated.pairId(), WallClock.now());
            case PairDissolved dissolved -> device.unpaired(dissolved.pairId(), WallClock.now());
            default -> {
                // PairEstablished (and an ambiguous verdict) say nothing about plugging
            }
        }
    }
}
