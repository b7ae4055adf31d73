package io.plugmate.statistics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.statistics.domain.Reconciler;
import io.plugmate.statistics.domain.ResolvedSession;
import io.plugmate.statistics.persistence.LedgerStore;
import io.plugmate.statistics.persistence.SessionEntity;
import io.plugmate.statistics.persistence.SessionRepository;
import io.smallrye.mutiny.Uni;

/**
 * Decides again about the sessions an input may have changed. Every decision about a session depends only on the
 * pair facts and on sessions overlapping it (whose decisions again depend on theirs), so the sessions touching the
 * window are widened to everything connected to them by overlap, and that whole group is decided together.
 */
@ApplicationScoped
public class Reconciliation {

    /** Pair facts this far before the group are read too: an activation begun earlier may still cover it. */
    static final Duration FACT_LOOKBACK = Duration.ofDays(30);
    private static final int MAX_WIDENINGS = 8;

    private final SessionRepository sessions;
    private final LedgerStore store;
    private final Reconciler reconciler;

    public Reconciliation(SessionRepository sessions, LedgerStore store, Reconciler reconciler) {
        this.sessions = sessions;
        this.store = store;
        this.reconciler = reconciler;
    }

    Uni<Void> settle(String clientId, String userId, Window window, Instant now) {
        return group(clientId, userId, window, 0).chain(group -> {
            if (group.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Instant from = group.stream().map(s -> s.startedAt).min(Instant::compareTo).orElseThrow();
            return store.facts(clientId, userId, from.minus(FACT_LOOKBACK)).invoke(facts -> {
                Map<String, ResolvedSession> resolved = reconciler.resolve(
                        group.stream().map(SessionEntity::measured).toList(), facts);
                group.forEach(s -> s.decide(resolved.get(s.id), now));
            }).replaceWithVoid();
        });
    }

    private Uni<List<SessionEntity>> group(String clientId, String userId, Window window, int widenings) {
        return sessions.overlapping(clientId, userId, window.from(), window.to()).chain(found -> {
            Window span = window;
            for (SessionEntity s : found) {
                span = span.union(new Window(s.startedAt, s.endedAt));
            }
            return span.equals(window) || widenings >= MAX_WIDENINGS ? Uni.createFrom().item(found)
                    : group(clientId, userId, span, widenings + 1);
        });
    }
}
