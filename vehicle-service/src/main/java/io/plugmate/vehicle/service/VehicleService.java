package io.plugmate.vehicle.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The vehicle use cases behind the API; every one is scoped to the calling API client. */
@ApplicationScoped
public class VehicleService {

    private final VehicleRepository vehicles;
    private final Outbox outbox;

    public VehicleService(VehicleRepository vehicles, Outbox outbox) {
        this.vehicles = vehicles;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<VehicleEntity> get(String clientId, String id) {
        return vehicles.findOwned(clientId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("vehicle", id));
    }

    @WithSession
    public Uni<Page<VehicleEntity>> list(String clientId, String userId, PageRequest page) {
        return vehicles.page(clientId, userId, page);
    }

    /** Unlinks: the vehicle disappears for the client and every service hears DeviceRemoved. */
    @WithTransaction
    public Uni<Void> unlink(String clientId, String id) {
        return vehicles.findOwnedForUpdate(clientId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("vehicle", id))
                .call(vehicles::delete)
                .chain(vehicle -> outbox.publish(Topics.DEVICE_LIFECYCLE, vehicle.userId,
                        new DeviceRemoved(UUID.randomUUID(), DeviceRemoved.SCHEMA_VERSION, clientId, vehicle.userId,
                                WallClock.now(), DeviceType.VEHICLE, vehicle.id.toString())));
    }
}
