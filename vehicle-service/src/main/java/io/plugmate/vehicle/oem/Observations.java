package io.plugmate.vehicle.oem;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.device.DeviceObservations;
import io.plugmate.device.ObservationConfig;
import io.plugmate.device.StateOrder;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Vehicles as the shared webhook intake and poller see them, and one OEM observation of one vehicle (device-kit's
 * {@link DeviceObservations}: each report recorded once, state only from ones not older), published as
 * {@code VehicleStateObserved}.
 */
@ApplicationScoped
public class Observations extends DeviceObservations<VehicleEntity, VehicleReport> {

    private static final String RECORD = """
            insert into vehicle_observation (vehicle_id, observed_at, content_hash, received_at) values (:v, :at, :hash, :now)
            on conflict do nothing""";

    private final Outbox outbox;

    public Observations(VehicleRepository vehicles, Outbox outbox, ObjectMapper json, ObservationConfig config) {
        super(DeviceKind.vehicle, VehicleReport.class, vehicles, json, config);
        this.outbox = outbox;
    }

    @Override
    protected Uni<Boolean> recorded(VehicleEntity v, VehicleReport r, Instant observedAt, String contentHash,
            Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("v", v.id)
                .setParameter("at", observedAt).setParameter("hash", contentHash).setParameter("now", now).executeUpdate())
                .map(inserted -> inserted > 0);
    }

    @Override
    protected void newerState(VehicleEntity v, VehicleReport r, Instant observedAt) {
        v.vehicleChargeRateKw = r.chargeRateKw();
        v.batteryLevel = keep(r.batteryLevel(), v.batteryLevel);
        v.rangeKm = keep(r.rangeKm(), v.rangeKm);
        v.chargeLimit = keep(r.chargeLimit(), v.chargeLimit);
        v.isFullyCharged = v.batteryLevel != null && v.chargeLimit != null ? v.batteryLevel >= v.chargeLimit
                : v.isFullyCharged;
        if (position(r) != null) {
            v.latitude = r.location().latitude();
            v.longitude = r.location().longitude();
            v.locationObservedAt = observedAt;
        }
    }

    @Override
    protected Uni<Void> published(VehicleEntity v, VehicleReport r, StateOrder order, Instant observedAt, Instant now) {
        return outbox.publish(Topics.VEHICLE_STATE, v.userId, new VehicleStateObserved(UUID.randomUUID(),
                VehicleStateObserved.SCHEMA_VERSION, v.clientId, v.userId, now, v.id.toString(), v.vendor, observedAt,
                r.isPluggedIn(), r.isCharging(), r.chargeRateKw(), r.batteryLevel(), position(r), r.maxCurrentA()));
    }

    private static GeoLocation position(VehicleReport r) {
        return r.location() == null || r.location().latitude() == null || r.location().longitude() == null ? null
                : new GeoLocation(r.location().latitude(), r.location().longitude());
    }
}
