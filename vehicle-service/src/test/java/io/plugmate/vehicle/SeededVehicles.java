package io.plugmate.vehicle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Tests seed their own vehicles, as linking would have created them. */
public final class SeededVehicles {

    private SeededVehicles() {
    }

    public static VehicleEntity seed(String clientId, String userId) {
        return persisted(unsaved(clientId, userId));
    }

    /** A vehicle of the client plugged into the charger, as an activated pair leaves it (no charger reading yet). */
    public static VehicleEntity pluggedInto(String clientId, String userId, String chargerId) {
        VehicleEntity v = unsaved(clientId, userId);
        v.pluggedInChargerId = chargerId;
        return persisted(v);
    }

    private static VehicleEntity unsaved(String clientId, String userId) {
        VehicleEntity v = new VehicleEntity();
        v.id = UUID.randomUUID();
        v.clientId = clientId;
        v.userId = userId;
        v.vendor = "TESLA";
        v.vendorVehicleId = "oem-" + v.id;
        v.brand = "Tesla";
        v.model = "Model 3";
        v.year = 2024;
        v.vin = "5YJ3E1EA7PF000001";
        v.displayName = "Family car";
        v.canStartCharging = true;
        v.canStopCharging = true;
        v.hasLocation = true;
        v.isReachable = true;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        v.lastSeen = now;
        v.stateObservedAt = now;
        v.batteryLevel = 56.0;
        v.rangeKm = 280.0;
        v.isPluggedIn = true;
        v.isCharging = true;
        v.isFullyCharged = false;
        v.vehicleChargeRateKw = 6.6;
        v.createdAt = now;
        v.updatedAt = now;
        return v;
    }

    private static VehicleEntity persisted(VehicleEntity v) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.persist(v)).replaceWith(v)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The vehicle's last reported position, as a report would have set it. */
    public static void locate(UUID id, double latitude, double longitude) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.find(VehicleEntity.class, id)).invoke(v -> {
                        v.latitude = latitude;
                        v.longitude = longitude;
                        v.locationObservedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static VehicleEntity reload(UUID id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(session -> session.find(VehicleEntity.class, id))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
