package io.plugmate.vehicle.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.plugmate.device.DeviceRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * The vehicles. What both device services ask of their devices (every query takes the tenant; every transaction that
 * changes a device reads it locked, several rows in id order) is device-kit's {@link DeviceRepository}; here is what
 * only vehicles need.
 */
@ApplicationScoped
public class VehicleRepository extends DeviceRepository<VehicleEntity> {

    public VehicleRepository() {
        super("vendorVehicleId", VehicleEntity.class);
    }

    /** The (client, charger) pairs given as two arrays, in HQL (Hibernate's {@code sql} is untyped: cast). */
    private static final String PLUGGED_INTO = "cast(sql('(?, ?) in (select * from unnest(cast(? as text[]), "
            + "cast(? as text[])))', clientId, pluggedInChargerId, :clients, :chargers) as Boolean) order by id";

    /**
     * The vehicles plugged into any of these chargers, locked in one statement, in id order. A charger is its client's:
     * the n-th charger id matches only the n-th client's vehicles (a charger id of one client never reaches another's).
     * The pairs go as two arrays, so the text is one whatever their number.
     */
    public Uni<List<VehicleEntity>> findPluggedIntoForUpdate(String[] clientIds, String[] chargerIds) {
        if (clientIds.length != chargerIds.length) {
            throw new IllegalStateException("a client for each charger: " + clientIds.length + " != " + chargerIds.length);
        }
        return find(PLUGGED_INTO, Parameters.with("clients", clientIds).and("chargers", chargerIds))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
