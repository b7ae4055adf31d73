package io.plugmate.charger.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PairEvent;
import io.plugmate.messaging.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Reflects pairs on the charger: an activated pair sets {@code pluggedInVehicleId}; its end clears it. */
@ApplicationScoped
public class PairEventsConsumer {

    static final String CONSUMER = "charger-service/pair-events";

    private final ChargerRepository chargers;
    private final Inbox inbox;

    public PairEventsConsumer(ChargerRepository chargers, Inbox inbox) {
        this.chargers = chargers;
        this.inbox = inbox;
    }

    @Incoming("pair-events")
    @WithTransaction
    public Uni<Void> consume(String record) {
        return inbox.handleOnce(CONSUMER, record, PairEvent.class, this::apply);
    }

    private Uni<Void> apply(PairEvent event) {
        return chargers.findOwnedForUpdate(event.clientId(), event.chargerId()).invoke(charger -> {
            if (charger == null) {
                return; // unlinked meanwhile, or not this client's
            }
            switch (event) {
                case PairActivated a -> charger.servingVehicle(a.pairId(), a.vehicleId(), WallClock.now());
                case PairDeactivated d -> charger.releaseFrom(d.pairId(), WallClock.now());
                case PairDissolved d -> charger.releaseFrom(d.pairId(), WallClock.now());
                default -> {
                    // PairEstablished says nothing about plugging
                }
            }
        }).replaceWithVoid();
    }
}
