package io.plugmate.charger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.plugmate.charger.persistence.ChargerEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Tests seed their own chargers, as linking would have created them. */
public final class SeededChargers {

    private SeededChargers() {
    }

    public static ChargerEntity seed(String clientId, String userId) {
        ChargerEntity c = new ChargerEntity();
        c.id = UUID.randomUUID();
        c.clientId = clientId;
        c.userId = userId;
        c.vendor = "EASEE";
        c.vendorChargerId = "oem-" + c.id;
        c.brand = "Easee";
        c.model = "Home";
        c.year = 2023;
        c.serialNumber = "EH" + c.id.toString().substring(0, 8);
        c.displayName = "Garage";
        c.canStartCharging = true;
        c.canStopCharging = true;
        c.canSetMaxCurrent = true;
        c.phases = 3;
        c.voltageV = 230.0;
        c.isReachable = true;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.lastSeen = now;
        c.stateObservedAt = now;
        c.isPluggedIn = false;
        c.isCharging = false;
        c.chargeRateKw = 0.0;
        c.maxCurrentA = 16.0;
        c.createdAt = now;
        c.updatedAt = now;
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.persist(c)).replaceWith(c)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
