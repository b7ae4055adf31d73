package io.plugmate.orchestration.persistence;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The audit of toggle changes, oldest first. */
@ApplicationScoped
public class FeatureChangeRepository implements PanacheRepositoryBase<FeatureChangeEntity, Long> {

    public Uni<Page<FeatureChangeEntity>> page(String clientId, PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "changedAt", "id", Long::valueOf);
        return find("clientId = :clientId" + keyset.and() + " order by " + keyset.orderBy(),
                keyset.parameters(Map.of("clientId", clientId)))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, c -> new Cursor(c.changedAt, c.id.toString()), c -> c));
    }
}
