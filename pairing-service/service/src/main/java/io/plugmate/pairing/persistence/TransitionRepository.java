package io.plugmate.pairing.persistence;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TransitionRepository implements PanacheRepositoryBase<TransitionEntity, Long> {

    /** A pair's history in the detector's order: event time, then the order the entries were written in. */
    public Uni<Page<TransitionEntity>> history(String clientId, String pairId, PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "transitionedAt", "id", Long::valueOf);
        return find("clientId = :clientId and pairId = :pairId" + keyset.and() + " order by " + keyset.orderBy(),
                keyset.parameters(Map.of("clientId", clientId, "pairId", pairId)))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, t -> new Cursor(t.transitionedAt, t.id.toString()), t -> t));
    }
}
