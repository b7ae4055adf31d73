package io.plugmate.vehicle.oem;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.messaging.Outbox;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One OEM observation of one vehicle, however it arrived (webhook or poll), inside the caller's transaction. A new
 * observation is published as {@code VehicleStateObserved} with the OEM's {@code observedAt} — late ones too, since
 * pairing orders by event time — but only a newer one changes the vehicle's state: state never rolls back. An exact
 * duplicate publishes nothing.
 */
@ApplicationScoped
public class Observations {

    private static final String RECORD = """
            insert into vehicle_observation (vehicle_id, observed_at, received_at) values (:v, :at, :now)
            on conflict do nothing""";

    private final VehicleRepository vehicles;
    private final Outbox outbox;

    public Observations(VehicleRepository vehicles, Outbox outbox) {
        this.vehicles = vehicles;
        this.outbox = outbox;
    }

    /** Applies the report to every linked copy of the OEM vehicle (each API client has its own). */
    public Uni<Integer> apply(String vendor, VehicleReport report) {
        if (report.vehicleId() == null || report.observedAt() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("report without vehicleId or observedAt"));
        }
        return vehicles.applyToCopies(vendor, report.vehicleId(), vehicle -> applyTo(vehicle, report));
    }

    private Uni<Boolean> applyTo(VehicleEntity vehicle, VehicleReport report) {
        Instant observedAt = WallClock.micros(report.observedAt());
        Instant now = WallClock.now();
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("v", vehicle.id)
                .setParameter("at", observedAt).setParameter("now", now).executeUpdate()).chain(inserted -> {
                    if (inserted == 0) {
                        return Uni.createFrom().item(false);
                    }
                    vehicle.isReachable = true;
                    vehicle.lastSeen = now;
                    vehicle.updatedAt = now;
                    if (vehicle.stateObservedAt == null || observedAt.isAfter(vehicle.stateObservedAt)) {
                        VehicleStates.apply(vehicle, report, observedAt);
                    }
                    return outbox.publish(Topics.VEHICLE_STATE, vehicle.userId, event(vehicle, report, observedAt, now))
                            .replaceWith(true);
                });
    }

    private static VehicleStateObserved event(VehicleEntity v, VehicleReport r, Instant observedAt, Instant now) {
        GeoLocation location = r.location() == null || r.location().latitude() == null
                || r.location().longitude() == null ? null
                        : new GeoLocation(r.location().latitude(), r.location().longitude());
        return new VehicleStateObserved(UUID.randomUUID(), VehicleStateObserved.SCHEMA_VERSION, v.clientId, v.userId,
                now, v.id.toString(), v.vendor, observedAt, r.isPluggedIn(), r.isCharging(), r.chargeRateKw(),
                r.batteryLevel(), location);
    }
}
