package io.plugmate.orchestration.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Pairs by tenant; a device's pairs are the ones naming it on either side. */
@ApplicationScoped
public class PairRepository implements PanacheRepositoryBase<PairEntity, UUID> {

    public Uni<PairEntity> find(String clientId, String pairId) {
        return find("clientId = ?1 and pairId = ?2", clientId, pairId).firstResult();
    }

    public Uni<List<PairEntity>> ofDevice(String clientId, String deviceId) {
        return list("clientId = ?1 and (vehicleId = ?2 or chargerId = ?2)", clientId, deviceId);
    }
}
