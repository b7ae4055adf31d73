package io.plugmate.orchestration.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.DeviceType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query takes the tenant: there is no way to read a device without saying whose it is. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<DeviceEntity, UUID> {

    /** Also a removed one: a late report or a re-link finds it. */
    public Uni<DeviceEntity> find(String clientId, DeviceType type, String deviceId) {
        return find("clientId = ?1 and deviceType = ?2 and deviceId = ?3", clientId, type.wireName(), deviceId)
                .firstResult();
    }

    /** A linked (not removed) device of the client, or null. */
    public Uni<DeviceEntity> findLinked(String clientId, DeviceType type, String deviceId) {
        return find("clientId = ?1 and deviceType = ?2 and deviceId = ?3 and removed = false", clientId,
                type.wireName(), deviceId).firstResult();
    }

    /** The user a linked device belongs to (null: no such device), read without loading it: to take the lock first. */
    public Uni<String> userOf(String clientId, DeviceType type, String deviceId) {
        return Panache.getSession().chain(s -> s.createQuery("select d.userId from DeviceEntity d where "
                + "d.clientId = :clientId and d.deviceType = :type and d.deviceId = :id and d.removed = false",
                String.class).setParameter("clientId", clientId).setParameter("type", type.wireName())
                .setParameter("id", deviceId).getResultList()).map(rows -> rows.isEmpty() ? null : rows.getFirst());
    }

    public Uni<List<DeviceEntity>> linkedOfUser(String clientId, String userId) {
        return list("clientId = ?1 and userId = ?2 and removed = false order by deviceType, deviceId", clientId,
                userId);
    }

    /** The users of a client that have a linked device, in a fixed order (the order their locks are taken in). */
    public Uni<List<String>> usersOf(String clientId) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select distinct d.userId from DeviceEntity d where d.clientId = :clientId and d.removed = false "
                        + "order by d.userId",
                String.class).setParameter("clientId", clientId).getResultList());
    }
}
