package io.plugmate.vehicle.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Keeps the wall measurement of the charger each vehicle is plugged into, for the improved charge rate. */
@ApplicationScoped
public class ChargerStateConsumer {

    static final String CONSUMER = "vehicle-service/charger-state";

    private final VehicleRepository vehicles;
    private final Inbox inbox;

    public ChargerStateConsumer(VehicleRepository vehicles, Inbox inbox) {
        this.vehicles = vehicles;
        this.inbox = inbox;
    }

    @Incoming("charger-state")
    @RetriedInPlace
    @WithTransaction
    public Uni<Void> consume(String record) {
        return inbox.handleOnce(CONSUMER, record, ChargerStateObserved.class, this::apply);
    }

    private Uni<Void> apply(ChargerStateObserved event) {
        if (event.observedAt() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("ChargerStateObserved without observedAt"));
        }
        return vehicles.findPluggedIntoForUpdate(event.clientId(), event.chargerId())
                .invoke(plugged -> plugged.forEach(vehicle -> vehicle.chargerRateObserved(event.chargeRateKw(),
                        event.observedAt(), WallClock.now())))
                .replaceWithVoid();
    }
}
