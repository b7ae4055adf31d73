package io.plugmate.pairing.persistence;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.pairing.domain.PairState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query takes the tenant: there is no way to read a pair without saying whose it is. */
@ApplicationScoped
public class PairRepository implements PanacheRepositoryBase<PairEntity, String> {

    /** What a list may be narrowed to; null fields do not narrow. */
    public record Filter(String userId, PairState state, String vehicleId, String chargerId) {
    }

    public Uni<PairEntity> findOwned(String clientId, String id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResult();
    }

    /** The row as the database holds it now: {@link PairProjection} writes past the session's managed instances. */
    public Uni<PairEntity> reread(PairEntity row) {
        return getSession().chain(session -> session.refresh(row)).replaceWith(row);
    }

    /** Without a state filter a list leaves dissolved pairs out: they no longer exist as EV systems. */
    public Uni<Page<PairEntity>> page(String clientId, Filter filter, PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "createdAt", "id", id -> id);
        StringBuilder where = new StringBuilder("clientId = :clientId");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("clientId", clientId);
        if (filter.userId() != null) {
            where.append(" and userId = :userId");
            parameters.put("userId", filter.userId());
        }
        if (filter.state() != null) {
            where.append(" and state = :state");
            parameters.put("state", filter.state());
        } else {
            where.append(" and state <> :dissolved");
            parameters.put("dissolved", PairState.DISSOLVED);
        }
        if (filter.vehicleId() != null) {
            where.append(" and vehicleId = :vehicleId");
            parameters.put("vehicleId", filter.vehicleId());
        }
        if (filter.chargerId() != null) {
            where.append(" and chargerId = :chargerId");
            parameters.put("chargerId", filter.chargerId());
        }
        return find(where + keyset.and() + " order by " + keyset.orderBy(), keyset.parameters(parameters))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, p -> new Cursor(p.createdAt, p.id), p -> p));
    }
}
