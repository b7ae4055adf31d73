package io.plugmate.orchestration.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.DeviceType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Pairs by tenant; a device's pairs are the ones naming it on either side. */
@ApplicationScoped
public class PairRepository implements PanacheRepositoryBase<PairEntity, UUID> {

    /** A pair of a device and the linked device on its other side (null: none known or removed). */
    public record WithOtherSide(PairEntity pair, DeviceEntity other) {
    }

    public Uni<PairEntity> find(String clientId, String pairId) {
        return find("clientId = ?1 and pairId = ?2", clientId, pairId).firstResult();
    }

    /**
     * The pairs naming the device on either side, each with its other device (linked, of {@code otherType}), in one
     * statement (issue 14): the other device of a pair is the one a command may be routed to.
     */
    public Uni<List<WithOtherSide>> ofDevice(String clientId, String deviceId, DeviceType otherType) {
        return Panache.getSession().chain(s -> s.createQuery("""
                select p, o from PairEntity p
                left join DeviceEntity o on o.clientId = p.clientId and o.deviceType = :otherType
                    and o.deviceId = (case when p.vehicleId = :deviceId then p.chargerId else p.vehicleId end)
                    and o.removed = false
                where p.clientId = :clientId and (p.vehicleId = :deviceId or p.chargerId = :deviceId)""",
                Object[].class).setParameter("clientId", clientId).setParameter("deviceId", deviceId)
                .setParameter("otherType", otherType.wireName()).getResultList())
                .map(rows -> rows.stream().map(r -> new WithOtherSide((PairEntity) r[0], (DeviceEntity) r[1]))
                        .toList());
    }
}
