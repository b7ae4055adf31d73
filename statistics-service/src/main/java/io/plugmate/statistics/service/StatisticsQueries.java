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
import io.plugmate.statistics.persistence.SessionEntity;
import io.plugmate.statistics.persistence.SessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * What the API reads, always of the calling client only. With {@code native-session-statistics} off for the client,
 * only estimated sessions are served (and counted in their stead).
 */
@ApplicationScoped
public class StatisticsQueries {

    private final SessionRepository sessions;
    private final FeatureToggles toggles;

    public StatisticsQueries(SessionRepository sessions, FeatureToggles toggles) {
        this.sessions = sessions;
        this.toggles = toggles;
    }

    public boolean nativeServed(String clientId) {
        return toggles.isEnabled(clientId, Feature.NATIVE_SESSION_STATISTICS);
    }

    @WithSession
    public Uni<Page<SessionEntity>> list(String clientId, SessionRepository.Filter filter, PageRequest page) {
        return sessions.page(clientId, filter, page);
    }

    /** Any of the client's sessions, superseded ones too; 404 for another client's, or a native one not served. */
    @WithSession
    public Uni<SessionEntity> get(String clientId, String id) {
        return sessions.findOwned(clientId, id)
                .onItem().ifNotNull().transform(s -> s.source == Source.NATIVE && !nativeServed(clientId) ? null : s)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("charging session", id));
    }

    @WithSession
    public Uni<List<Bucket>> buckets(String clientId, SessionRepository.Filter filter, Instant from, Instant to,
            Resolution resolution, ZoneId zone) {
        Instant first = resolution.floor(from, zone);
        SessionRepository.Filter range = new SessionRepository.Filter(filter.userId(), filter.deviceType(),
                filter.deviceId(), first, to, null, null, filter.nativeServed());
        return sessions.counted(clientId, range).map(rows -> Buckets.of(
                rows.stream().map(s -> new Buckets.Flow(s.id, s.flow)).toList(), from, to, resolution, zone));
    }
}
