package io.plugmate.device;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.validation.Ids;
import io.plugmate.messaging.NativeSelect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * A device service's devices, read the same way in both services. Every query that serves a caller takes the tenant:
 * there is no way to read a device without saying whose it is.
 * <p>
 * Every transaction that changes a device reads it through one of the {@code …ForUpdate} methods: the row is locked
 * ({@code select … for update}) until the transaction ends, so concurrent writers (webhook or poll observations, pair
 * events, charger readings, account syncs) apply one after the other and none writes a stale copy of the row back.
 * Methods locking several rows lock them in a fixed order (by id; several OEM devices' copies by vendor, OEM id, then
 * id), so two calls of one never deadlock.
 *
 * @param <E> the service's device entity
 */
public abstract class DeviceRepository<E extends DeviceEntity> implements PanacheRepositoryBase<E, UUID> {

    /** The (vendor, OEM id) pairs given as two arrays, in HQL (Hibernate's {@code sql} is untyped: cast). */
    private static final String COPIES_OF = "cast(sql('(?, ?) in (select * from unnest(cast(? as text[]), "
            + "cast(? as text[])))', vendor, %s, :vendors, :ids) as Boolean)";

    private final String vendorDeviceId;
    private final Class<E> entity;
    private final String table;
    private final NativeSelect claim;
    private final String copiesOf;

    /**
     * @param vendorDeviceId the entity's attribute holding the OEM's id of the device, e.g. {@code vendorVehicleId}
     * @param entity the device entity (its {@code @Table} names the table the poller's claims read natively)
     */
    protected DeviceRepository(String vendorDeviceId, Class<E> entity) {
        this.vendorDeviceId = vendorDeviceId;
        this.copiesOf = COPIES_OF.formatted(vendorDeviceId) + " order by vendor, " + vendorDeviceId + ", id";
        this.entity = entity;
        this.table = entity == null ? null : entity.getAnnotation(Table.class).name();
        // one statement: the due rows locked (skipping those another instance holds) and made due later
        this.claim = table == null ? null
                : NativeSelect.of("update " + table + " set poll_due_at = :at where id in ("
                        + "select id from " + table + " where account_id is not null and (last_seen is null or last_seen < "
                        + ":quietSince) and (poll_due_at is null or poll_due_at <= :now) order by last_seen asc nulls first "
                        + "limit :limit for update skip locked) returning id");
    }

    public Uni<E> findOwned(String clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResult();
    }

    /** An id that is not one of ours gets the same answer as an unknown one: null. */
    public Uni<E> findOwned(String clientId, String id) {
        UUID uuid = Ids.uuidOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem() : findOwned(clientId, uuid);
    }

    /** {@link #findOwned(String, String)}, the row locked until the transaction ends. */
    public Uni<E> findOwnedForUpdate(String clientId, String id) {
        UUID uuid = Ids.uuidOrNull(id);
        return uuid == null ? Uni.createFrom().nullItem()
                : find("id = ?1 and clientId = ?2", uuid, clientId).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult();
    }

    /** Every linked copy of one OEM device (one per API client), locked. */
    public Uni<List<E>> findByVendorIdForUpdate(String vendor, String oemDeviceId) {
        return find("vendor = ?1 and " + vendorDeviceId + " = ?2 order by id", vendor, oemDeviceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Every linked copy of these OEM devices, locked in one statement, in one order for every caller: by vendor, OEM id
     * (the database's collation), then id. The pairs go as two arrays, so the text is one whatever their number (an HQL
     * {@code in} list is a statement text per list size); PostgreSQL drops the cast of a boolean to boolean, so the
     * pairs can be joined to the lookup index on (vendor, OEM id).
     */
    public Uni<List<E>> findByVendorIdsForUpdate(Collection<DeviceDirectory.OemDevice> devices) {
        return find(copiesOf, Parameters
                .with("vendors", devices.stream().map(DeviceDirectory.OemDevice::vendor).toArray(String[]::new))
                .and("ids", devices.stream().map(DeviceDirectory.OemDevice::oemDeviceId).toArray(String[]::new)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The devices that came from one linked account, locked (its credential lapsed or works again). */
    public Uni<List<E>> findByAccountForUpdate(UUID accountId) {
        return find("accountId = ?1 order by id", accountId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The client's devices of one vendor (an account sync's candidates), locked. */
    public Uni<List<E>> findByVendorForUpdate(String clientId, String vendor) {
        return find("clientId = ?1 and vendor = ?2 order by id", clientId, vendor)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The poller's claim, shared by every instance through the device's {@code poll_due_at} (wall clock, not mapped:
     * no other writer of the row touches it): up to {@code limit} devices from a linked account (of any client) not
     * heard from since {@code quietSince} or never and not due later than {@code now}, the least recently heard from
     * first, each made due again at {@code askAgainAt} in the caller's transaction. Taken {@code for update skip
     * locked}, so two instances claiming at the same moment never take the same device, and once a claim commits the
     * device is no longer due for the other: each quiet device is asked once per cadence, not once per instance.
     */
    public Uni<List<E>> claimQuiet(Instant quietSince, Instant now, Instant askAgainAt, int limit) {
        return claim.with("at", askAgainAt).with("quietSince", quietSince).with("now", now).with("limit", limit).list()
                .map(rows -> rows.stream().map(row -> row[0]).toList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<E> of()) : byIds(ids))
                .map(claimed -> claimed.stream().sorted(Comparator.comparing((E device) -> device.linked().lastSeen(),
                        Comparator.nullsFirst(Comparator.naturalOrder()))).toList());
    }

    /**
     * The rows with these ids, in one statement whatever their number: Hibernate's multi-load binds them as one array
     * ({@code id = any($1)}), where an HQL {@code in} list would be a statement text per list size.
     */
    private Uni<List<E>> byIds(List<Object> ids) {
        return Panache.getSession().chain(s -> s.find(entity, ids.toArray()))
                .map(found -> found.stream().filter(Objects::nonNull).toList());
    }

    /**
     * The OEM rate-limited the account (429): none of its devices is claimed by any instance before {@code until}.
     */
    public Uni<Integer> pausePolling(UUID accountId, Instant until) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update " + table + " set poll_due_at = :until where "
                + "account_id = :account and (poll_due_at is null or poll_due_at < :until)")
                .setParameter("until", until).setParameter("account", accountId).executeUpdate());
    }

    /** @param userId null for all the client's users */
    public Uni<Page<E>> page(String clientId, String userId, PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "createdAt", "id", UUID::fromString);
        String where = userId == null ? "clientId = :clientId" : "clientId = :clientId and userId = :userId";
        Map<String, Object> parameters = userId == null ? Map.of("clientId", clientId)
                : Map.of("clientId", clientId, "userId", userId);
        return find(where + keyset.and() + " order by " + keyset.orderBy(), keyset.parameters(parameters))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, d -> new Cursor(d.linked().createdAt(), d.linked().id()), d -> d));
    }
}
