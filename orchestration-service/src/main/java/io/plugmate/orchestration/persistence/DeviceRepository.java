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

    /**
     * A linked device of the client with what a command on it decides with first, in one statement (issue 14): the
     * client's toggle overrides and the action an {@code Idempotency-Key} was first used for. Null: no such device.
     *
     * @param idempotencyKey null: no key, so no action
     */
    public Uni<CommandTarget> findCommandTarget(String clientId, DeviceType type, String deviceId,
            String idempotencyKey) {
        return Panache.getSession().chain(s -> s.createQuery("""
                select d, f, a from DeviceEntity d
                left join ClientFeaturesEntity f on f.clientId = d.clientId
                left join ActionEntity a on a.clientId = d.clientId and a.idempotencyKey = :key
                where d.clientId = :clientId and d.deviceType = :type and d.deviceId = :id and d.removed = false""",
                Object[].class).setParameter("clientId", clientId).setParameter("type", type.wireName())
                .setParameter("id", deviceId).setParameter("key", idempotencyKey).getResultList())
                .map(rows -> rows.isEmpty() ? null
                        : new CommandTarget((DeviceEntity) rows.getFirst()[0],
                                (ClientFeaturesEntity) rows.getFirst()[1], (ActionEntity) rows.getFirst()[2]));
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
