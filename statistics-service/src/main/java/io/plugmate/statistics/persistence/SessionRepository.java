package io.plugmate.statistics.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.statistics.domain.AttributionStatus;
import io.plugmate.statistics.domain.Basis;
import io.plugmate.statistics.domain.Source;
import io.plugmate.statistics.domain.WithheldChargers;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query takes the tenant: there is no way to read a session without saying whose it is. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SessionEntity, SessionEntity.Key> {

    /**
     * What a list or a statistic may be narrowed to; null fields do not narrow.
     *
     * @param deviceType "vehicle" (sessions that are the vehicle's: attributed to it, or its own estimates) or
     *        "charger" (sessions measured on it)
     * @param nativeServed whether the client is served native sessions (toggle {@code native-session-statistics})
     */
    public record Filter(String userId, String deviceType, String deviceId, Instant from, Instant to, Source source,
            AttributionStatus attribution, boolean nativeServed) {
    }

    public Uni<SessionEntity> findOwned(String clientId, String id) {
        return find("clientId = ?1 and id = ?2", clientId, id).firstResult();
    }

    /** The user's sessions overlapping [from, to]. */
    public Uni<List<SessionEntity>> overlapping(String clientId, String userId, Instant from, Instant to) {
        return list("clientId = ?1 and userId = ?2 and startedAt <= ?4 and endedAt >= ?3", clientId, userId, from, to);
    }

    /** A device's estimated sessions that a report at {@code t} may change (see {@code TelemetryRun.dependsOn}). */
    public Uni<List<SessionEntity>> estimatesNear(String clientId, Basis basis, String deviceId, Instant earliest,
            Instant latest) {
        String device = basis == Basis.CHARGER_RATE ? "chargerId" : "ownVehicleId";
        return list("clientId = ?1 and basis = ?2 and " + device + " = ?3 and firstSampleAt <= ?5 and lastSampleAt >= ?4",
                clientId, basis, deviceId, earliest, latest);
    }

    /** Counted sessions, as {@link #counted}, a page at a time. */
    public Uni<Page<SessionEntity>> page(String clientId, Filter filter, WithheldChargers withheld,
            PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "startedAt", "id", id -> id);
        Map<String, Object> parameters = new HashMap<>();
        String where = where(clientId, filter, withheld, parameters);
        return find(where + keyset.and() + " order by " + keyset.orderBy(), keyset.parameters(parameters))
                .range(0, keyset.fetchSize() - 1).list()
                .map(rows -> keyset.toPage(rows, s -> new Cursor(s.startedAt, s.id), s -> s));
    }

    /**
     * Every counted session overlapping the filter's range, for buckets. Counted: not withheld (nothing measured on a
     * withheld charger), and not standing behind another measurement of the same energy that the client is served — a
     * vehicle's estimate behind a withheld charger's session counts again.
     */
    public Uni<List<SessionEntity>> counted(String clientId, Filter filter, WithheldChargers withheld) {
        Map<String, Object> parameters = new HashMap<>();
        return list(where(clientId, filter, withheld, parameters) + " and energyKwh is not null order by startedAt, id",
                parameters);
    }

    private static String where(String clientId, Filter filter, WithheldChargers withheld,
            Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("clientId = :clientId");
        parameters.put("clientId", clientId);
        // only what counts: a measurement standing behind another of the same energy is reached through that one
        String standsBehind = filter.nativeServed() ? "supersededBy" : "supersededWithoutNativeBy";
        if (!filter.nativeServed()) {
            where.append(" and source = :estimated");
            parameters.put("estimated", Source.ESTIMATED);
        }
        if (withheld.isEmpty()) {
            where.append(" and ").append(standsBehind).append(" is null");
        } else {
            // docs/adr/0012: what a withheld charger measured is not served; what it stood in for is again (the
            // session standing in is always measured on a charger)
            where.append(" and (chargerId is null or chargerId not in :withheld) and (").append(standsBehind)
                    .append(" is null or ").append(standsBehind).append(" in (select w.id from SessionEntity w")
                    .append(" where w.clientId = :clientId and w.chargerId in :withheld))");
            parameters.put("withheld", withheld.chargerIds());
        }
        if (filter.userId() != null) {
            where.append(" and userId = :userId");
            parameters.put("userId", filter.userId());
        }
        if ("charger".equals(filter.deviceType())) {
            where.append(filter.deviceId() != null ? " and chargerId = :deviceId" : " and chargerId is not null");
        } else if ("vehicle".equals(filter.deviceType())) {
            where.append(filter.deviceId() != null ? " and vehicleId = :deviceId" : " and vehicleId is not null");
        }
        if (filter.deviceType() != null && filter.deviceId() != null) {
            parameters.put("deviceId", filter.deviceId());
        }
        if (filter.from() != null) {
            where.append(" and endedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and startedAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.source() != null) {
            where.append(" and source = :source");
            parameters.put("source", filter.source());
        }
        if (filter.attribution() != null) {
            where.append(" and attribution = :attribution");
            parameters.put("attribution", filter.attribution());
        }
        return where.toString();
    }
}
