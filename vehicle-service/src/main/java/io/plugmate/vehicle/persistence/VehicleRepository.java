package io.plugmate.vehicle.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.validation.Ids;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Every query takes the tenant: there is no way to read a vehicle without saying whose it is.
 * <p>
 * Every transaction that changes a vehicle reads it through one of the {@code …ForUpdate} methods: the row is locked
 * ({@code select … for update}) until the transaction ends, so concurrent writers (webhook or poll observations, pair
 * events, charger readings, account syncs) apply one after the other and none writes a stale copy of the row back.
 * Methods locking several rows lock them in id order, so two of them never deadlock.
 */
@ApplicationScoped
public class VehicleRepository implements PanacheRepositoryBase<VehicleEntity, UUID> {

    public Uni<VehicleEntity> findOwned(String clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResult();
    }

    public Uni<VehicleEntity> findOwned(String clientId, String id) {
        UUID uuid = Ids.uuidOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : findOwned(clientId, uuid);
    }

    /** {@link #findOwned(String, String)}, the row locked until the transaction ends. */
    public Uni<VehicleEntity> findOwnedForUpdate(String clientId, String id) {
        UUID uuid = Ids.uuidOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem()
                : find("id = ?1 and clientId = ?2", uuid, clientId).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult();
    }

    /** Every linked copy of one OEM vehicle (one per API client), locked. */
    public Uni<List<VehicleEntity>> findByVendorIdForUpdate(String vendor, String vendorVehicleId) {
        return find("vendor = ?1 and vendorVehicleId = ?2 order by id", vendor, vendorVehicleId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The client's vehicles of one vendor (an account sync's candidates), locked. */
    public Uni<List<VehicleEntity>> findByVendorForUpdate(String clientId, String vendor) {
        return find("clientId = ?1 and vendor = ?2 order by id", clientId, vendor)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** @param userId null for all the client's users */
    public Uni<Page<VehicleEntity>> page(String clientId, String userId, PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "createdAt", "id", UUID::fromString);
        String where = userId == null ? "clientId = :clientId" : "clientId = :clientId and userId = :userId";
        Map<String, Object> parameters = userId == null ? Map.of("clientId", clientId)
                : Map.of("clientId", clientId, "userId", userId);
        return find(where + keyset.and() + " order by " + keyset.orderBy(), keyset.parameters(parameters))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, v -> new Cursor(v.createdAt, v.id.toString()), v -> v));
    }

    /** The account's grant is dead: its vehicles turn unreachable and wait for the user to link again. */
    public Uni<Integer> needRelink(UUID accountId) {
        return update("needsRelink = true, isReachable = false where accountId = ?1", accountId);
    }

    /** The client's vehicles plugged into the charger, locked. */
    public Uni<List<VehicleEntity>> findPluggedIntoForUpdate(String clientId, String chargerId) {
        return find("clientId = ?1 and pluggedInChargerId = ?2 order by id", clientId, chargerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
