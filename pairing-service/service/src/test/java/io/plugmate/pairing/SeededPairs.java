package io.plugmate.pairing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.plugmate.events.Evidence;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.persistence.PairEntity;
import io.plugmate.pairing.persistence.TransitionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;

/**
 * Projection rows written straight into the tables, for tests of the read API alone (lists, filters, paging,
 * tenancy). They have no detector state behind them, so verdicts on them find nothing.
 */
public final class SeededPairs {

    private SeededPairs() {
    }

    /** @param createdAt the list order; give each row its own */
    public static PairEntity seed(String clientId, String userId, PairState state, Instant createdAt) {
        PairEntity p = new PairEntity();
        p.id = UUID.randomUUID().toString();
        p.clientId = clientId;
        p.userId = userId;
        p.vehicleId = "veh-" + UUID.randomUUID();
        p.chargerId = "chg-" + UUID.randomUUID();
        p.state = state;
        p.confidence = state == PairState.ACTIVE ? 0.73 : 0;
        p.evidence = state == PairState.ACTIVE
                ? List.of(new Evidence("plug-in-timing", "both reported plug-in 35s apart", 0.6))
                : List.of();
        p.candidates = List.of();
        p.establishedAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.establishedAt;
        p.activatedAt = state == PairState.ACTIVE ? p.establishedAt : null;
        p.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        return Db.inTransaction(() -> Panache.getSession().chain(s -> s.persist(p)).replaceWith(p));
    }

    /** {@code count} history entries of the pair, one second apart from {@code from}. */
    public static void history(PairEntity pair, int count, Instant from) {
        for (int i = 0; i < count; i++) {
            TransitionEntity t = new TransitionEntity();
            t.pairId = pair.id;
            t.clientId = pair.clientId;
            t.userId = pair.userId;
            t.fromState = i == 0 ? null : (i % 2 == 1 ? PairState.INACTIVE : PairState.ACTIVE);
            t.toState = i % 2 == 0 ? PairState.INACTIVE : PairState.ACTIVE;
            t.transitionedAt = from.plusSeconds(i).truncatedTo(ChronoUnit.MICROS);
            t.reason = "entry " + i;
            t.confidence = 0;
            t.evidence = List.of();
            t.candidates = List.of();
            t.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Db.inTransaction(() -> Panache.getSession().chain(s -> s.persist(t)).replaceWith(t));
        }
    }
}
