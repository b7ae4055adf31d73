package io.plugmate.charger.persistence;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query takes the tenant: there is no way to read a charger without saying whose it is. */
@ApplicationScoped
public class ChargerRepository implements PanacheRepositoryBase<ChargerEntity, UUID> {

    public Uni<ChargerEntity> findOwned(String clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResult();
    }

    public Uni<ChargerEntity> findOwned(String clientId, String id) {
        UUID uuid = parse(id);
        return uuid == null ? Uni.createFrom().nullItem() : findOwned(clientId, uuid);
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

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // not one of our ids: the same answer as an unknown one
            return null;
        }
    }
}
