package io.plugmate.vehicle.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PairEvent;
import io.plugmate.messaging.Inbox;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reflects pairs on the vehicle: an activated pair sets {@code pluggedInChargerId}, deactivation or dissolution of
 * that same pair clears it. A record that is not a pair event fails here and goes to {@code pair-events-dlq}.
 */
@ApplicationScoped
public class PairEventsConsumer {

    static final String CONSUMER = "vehicle-service/pair-events";
    private static final Logger LOG = Logger.getLogger(PairEventsConsumer.class);

    private final VehicleRepository vehicles;
    private final Inbox inbox;

    public PairEventsConsumer(VehicleRepository vehicles, Inbox inbox) {
        this.vehicles = vehicles;
        this.inbox = inbox;
    }

    @Incoming("pair-events")
    @WithTransaction
    public Uni<Void> consume(String record) {
        return inbox.handleOnce(CONSUMER, record, PairEvent.class, this::apply);
    }

    private Uni<Void> apply(PairEvent event) {
        return vehicles.findOwnedForUpdate(event.clientId(), event.vehicleId()).invoke(vehicle -> {
            if (vehicle == null) {
                // unlinked meanwhile, or not this client's: nothing to reflect
                LOG.debugf("pair event %s for unknown vehicle %s", event.eventId(), event.vehicleId());
                return;
            }
            reflect(vehicle, event);
        }).replaceWithVoid();
    }

    private static void reflect(VehicleEntity vehicle, PairEvent event) {
        switch (event) {
            case PairActivated activated -> vehicle.pluggedInto(activated.pairId(), activated.chargerId(),
                    WallClock.now());
            case PairDeactivated deactivated -> vehicle.unplugFrom(deactivated.pairId(), WallClock.now());
            case PairDissolved dissolved -> vehicle.unplugFrom(dissolved.pairId(), WallClock.now());
            default -> {
                // PairEstablished: the pair exists but says nothing about plugging
            }
        }
    }
}
