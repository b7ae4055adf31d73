package io.plugmate.statistics.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.features.Feature;
import io.plugmate.commons.features.FeatureToggles;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.statistics.domain.Bucket;
import io.plugmate.statistics.domain.Buckets;
import io.plugmate.statistics.domain.Resolution;
import io.plugmate.statistics.domain.Source;
import io.plugmate.statistics.persistence.ConsentStore;
import io.plugmate.statistics.persistence.SessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * What the API reads, always of the calling client only. With {@code native-session-statistics} off for the client,
 * only estimated sessions are served (and counted in their stead). Nothing measured on a charger whose consent is
 * withheld is served (docs/adr/0012), by the chargers' consent as it is when read.
 */
@ApplicationScoped
public class StatisticsQueries {

    private final SessionRepository sessions;
    private final ConsentStore consents;
    private final FeatureToggles toggles;

    public StatisticsQueries(SessionRepository sessions, ConsentStore consents, FeatureToggles toggles) {
        this.sessions = sessions;
        this.consents = consents;
        this.toggles = toggles;
    }

    public boolean nativeServed(String clientId) {
        return toggles.isEnabled(clientId, Feature.NATIVE_SESSION_STATISTICS);
    }

    /** Counted sessions only: whatever stands in for one of them is not served, so none shows a supersededBy. */
    @WithSession
    public Uni<Page<ServedSession>> list(String clientId, SessionRepository.Filter filter, PageRequest page) {
        return consents.withheld(clientId).chain(withheld -> sessions.page(clientId, filter, withheld, page))
                .map(p -> new Page<>(p.data().stream().map(s -> new ServedSession(s, null)).toList(),
                        p.pagination()));
    }

    /**
     * Any of the client's sessions, superseded ones too; 404 for another client's, a native one not served, one
     * measured on a withheld charger.
     */
    @WithSession
    public Uni<ServedSession> get(String clientId, String id) {
        boolean nativeServed = nativeServed(clientId);
        return consents.withheld(clientId).chain(withheld -> sessions.findOwned(clientId, id)
                .onItem().ifNotNull().transformToUni(s -> {
                    if ((s.source == Source.NATIVE && !nativeServed) || withheld.hides(s.chargerId)) {
                        return Uni.createFrom().<ServedSession> nullItem();
                    }
                    String over = nativeServed ? s.supersededBy : s.supersededWithoutNativeBy;
                    return over == null || withheld.isEmpty() ? Uni.createFrom().item(new ServedSession(s, over))
                            : sessions.findOwned(clientId, over).map(o -> new ServedSession(s,
                                    o != null && withheld.hides(o.chargerId) ? null : over));
                }))
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("charging session", id));
    }

    @WithSession
    public Uni<List<Bucket>> buckets(String clientId, SessionRepository.Filter filter, Instant from, Instant to,
            Resolution resolution, ZoneId zone) {
        Instant first = resolution.floor(from, zone);
        SessionRepository.Filter range = new SessionRepository.Filter(filter.userId(), filter.deviceType(),
                filter.deviceId(), first, to, null, null, filter.nativeServed());
        return consents.withheld(clientId).chain(withheld -> sessions.counted(clientId, range, withheld))
                .map(rows -> Buckets.of(rows.stream().map(s -> new Buckets.Flow(s.id, s.flow)).toList(), from, to,
                        resolution, zone));
    }
}
