package io.plugmate.charger.persistence;

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
 * Every query takes the tenant: there is no way to read a charger without saying whose it is.
 * <p>
 * Every transaction that changes a charger reads it through one of the {@code …ForUpdate} methods: the row is locked
 * ({@code select … for update}) until the transaction ends, so concurrent writers (webhook or poll observations, pair
 * events, account syncs) apply one after the other and none writes a stale copy of the row back. Methods locking
 * several rows lock them in id order, so two of them never deadlock.
 */
@ApplicationScoped
public class ChargerRepository implements PanacheRepositoryBase<ChargerEntity, UUID> {

    public Uni<ChargerEntity> findOwned(String clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResult();
    }

    public Uni<ChargerEntity> findOwned(String clientId, String id) {
        UUID uuid = Ids.uuidOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : findOwned(clientId, uuid);
    }

    /** {@link #findOwned(String, String)}, the row locked until the transaction ends. */
    public Uni<ChargerEntity> findOwnedForUpdate(String clientId, String id) {
        UUID uuid = Ids.uuidOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem()
                : find("id = ?1 and clientId = ?2", uuid, clientId).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult();
    }

    /** Every linked copy of one OEM charger (one per API client), locked. */
    public Uni<List<ChargerEntity>> findByVendorIdForUpdate(String vendor, String vendorChargerId) {
        return find("vendor = ?1 and vendorChargerId = ?2 order by id", vendor, vendorChargerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The client's chargers of one vendor (an account sync's candidates), locked. */
    public Uni<List<ChargerEntity>> findByVendorForUpdate(String clientId, String vendor) {
        return find("clientId = ?1 and vendor = ?2 order by id", clientId, vendor)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** @param userId null for all the client's users */
    public Uni<Page<ChargerEntity>> page(String clientId, String userId, PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "createdAt", "id", UUID::fromString);
        String where = userId == null ? "clientId = :clientId" : "clientId = :clientId and userId = :userId";
        Map<String, Object> parameters = userId == null ? Map.of("clientId", clientId)
                : Map.of("clientId", clientId, "userId", userId);
        return find(where + keyset.and() + " order by " + keyset.orderBy(), keyset.parameters(parameters))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, v -> new Cursor(v.createdAt, v.id.toString()), v -> v));
    }
}
