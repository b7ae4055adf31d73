package io.plugmate.vehicle.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ActionUpdated;
import io.plugmate.events.DeviceType;
import io.plugmate.events.InvalidEventException;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Orchestration's {@code action-events}, mirrored on the vehicle they concern: a vehicle's own action, or a charger's
 * action while that vehicle is plugged into it through an ACTIVE pair ({@code pairedDevice} is the vehicle). Another
 * client's vehicle and charger-only actions change nothing; idempotent on eventId; a record that is not an action
 * event goes to {@code action-events-dlq}, any other failure is retried in place.
 */
@ApplicationScoped
public class ActionEventsConsumer {

    static final String CONSUMER = "vehicle-service/action-events";

    private final VehicleRepository vehicles;
    private final Inbox inbox;

    public ActionEventsConsumer(VehicleRepository vehicles, Inbox inbox) {
        this.vehicles = vehicles;
        this.inbox = inbox;
    }

    @Incoming("action-events")
    @RetriedInPlace
    @WithTransaction
    public Uni<Void> consume(String record) {
        return inbox.handleOnce(CONSUMER, record, ActionUpdated.class, this::apply);
    }

    private Uni<Void> apply(ActionUpdated event) {
        if (event.actionId() == null || event.state() == null || event.kind() == null || event.occurredAt() == null) {
            throw new InvalidEventException("ActionUpdated without actionId, kind, state or occurredAt");
        }
        String vehicleId = event.targetType() == DeviceType.VEHICLE ? event.targetId()
                : event.pairedDevice() != null && event.pairedDevice().deviceType() == DeviceType.VEHICLE
                        ? event.pairedDevice().deviceId()
                        : null;
        if (vehicleId == null) {
            return Uni.createFrom().voidItem(); // a charger's action with no vehicle plugged in through a pair
        }
        return vehicles.findOwnedForUpdate(event.clientId(), vehicleId)
                .invoke(vehicle -> {
                    if (vehicle != null) {
                        vehicle.actionUpdated(event, WallClock.now());
                    }
                }).replaceWithVoid();
    }
}
