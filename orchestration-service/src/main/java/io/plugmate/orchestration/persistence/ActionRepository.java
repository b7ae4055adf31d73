package io.plugmate.orchestration.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.events.ActionState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Actions by tenant: every query names the client, so another client's action is simply not there. */
@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<ActionEntity, UUID> {

    /** What a list may be narrowed to; null fields do not narrow. */
    public record Filter(String targetId, ActionState state) {
    }

    /** A pending action whose time has come (deadline or retry), to be handled under its user's lock. */
    public record Due(UUID id, String clientId, String userId) {
    }

    public Uni<ActionEntity> findOwned(String clientId, UUID id) {
        return find("id = ?1 and clientId = ?2", id, clientId).firstResult();
    }

    /** Pending actions that target the device or send their commands to it. */
    public Uni<List<ActionEntity>> pendingInvolving(String clientId, String deviceId) {
        return list("clientId = ?1 and state = ?2 and (targetId = ?3 or routeDeviceId = ?3) order by createdAt",
                clientId, ActionState.PENDING, deviceId);
    }

    /** {@link #pendingInvolving} for two devices in one statement (issue 14), oldest first. */
    public Uni<List<ActionEntity>> pendingInvolvingEither(String clientId, String deviceId, String otherDeviceId) {
        return list("clientId = ?1 and state = ?2 and (targetId in (?3, ?4) or routeDeviceId in (?3, ?4)) "
                + "order by createdAt", clientId, ActionState.PENDING, deviceId, otherDeviceId);
    }

    public Uni<List<ActionEntity>> pendingThroughPair(String clientId, String pairId) {
        return list("clientId = ?1 and state = ?2 and routePairId = ?3 order by createdAt", clientId,
                ActionState.PENDING, pairId);
    }

    /** Across tenants, for the scheduler only: each is then handled with its own client and user. */
    public Uni<List<Due>> due(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createQuery("""
                select a.id, a.clientId, a.userId from ActionEntity a where a.state = :pending
                and (a.deadline <= :now or a.nextAttemptAt <= :now) order by a.deadline""", Object[].class)
                .setParameter("pending", ActionState.PENDING).setParameter("now", now).setMaxResults(limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Due((UUID) r[0], (String) r[1], (String) r[2])).toList());
    }

    public Uni<Page<ActionEntity>> page(String clientId, Filter filter, PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "createdAt", "id", UUID::fromString);
        StringBuilder where = new StringBuilder("clientId = :clientId");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("clientId", clientId);
        if (filter.targetId() != null) {
            where.append(" and targetId = :targetId");
            parameters.put("targetId", filter.targetId());
        }
        if (filter.state() != null) {
            where.append(" and state = :state");
            parameters.put("state", filter.state());
        }
        return find(where + keyset.and() + " order by " + keyset.orderBy(), keyset.parameters(parameters))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, a -> new Cursor(a.createdAt, a.id.toString()), a -> a));
    }
}
