package io.plugmate.statistics.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.NativeSelect;
import io.plugmate.statistics.domain.AttributedBy;
import io.plugmate.statistics.domain.Basis;
import io.plugmate.statistics.domain.PairFact;
import io.plugmate.statistics.domain.Sample;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A user's inputs as the rules read them: telemetry samples and pair facts, and the user's row lock that puts the
 * inputs from every topic (and every instance) in a line.
 */
@ApplicationScoped
public class LedgerStore {

    // one statement creates a first-seen user's row and locks it, or locks the existing one until commit (a native
    // update has one cached plan; a native select would add a query plan per call, see NativeSelect)
    private static final String LOCK = """
            insert into user_ledger (client_id, user_id, created_at, updated_at) values (:c, :u, :now, :now)
            on conflict (client_id, user_id) do update set user_id = excluded.user_id""";
    private static final String BUMP = """
            update user_ledger set version = version + 1, updated_at = :now where client_id = :c and user_id = :u""";
    private static final String INSERT_SAMPLE = """
            insert into telemetry_sample (client_id, user_id, basis, device_id, observed_at, charging, rate_kw)
            values (:c, :u, :b, :d, :at, :charging, :rate) on conflict do nothing""";
    private static final NativeSelect SAMPLES = NativeSelect.of("""
            select observed_at, charging, rate_kw from telemetry_sample
            where client_id = :c and basis = :b and device_id = :d and observed_at between :from and :to
            order by observed_at""");
    private static final String INSERT_FACT = """
            insert into pair_fact (client_id, user_id, event_id, at, kind, pair_id, vehicle_id, charger_id, confidence,
            attributed_by, reason, candidates)
            values (:c, :u, :e, :at, :kind, :p, :v, :ch, :conf, :by, :reason, :cand)""";
    private static final NativeSelect FACTS = NativeSelect.of("""
            select sequence, at, kind, pair_id, vehicle_id, charger_id, confidence, attributed_by, reason, candidates
            from pair_fact where client_id = :c and user_id = :u and at >= :from order by sequence""");
    private static final NativeSelect ACTIVATED_SINCE = NativeSelect.of("""
            select max(at) from pair_fact where client_id = :c and user_id = :u and pair_id = :p and kind = 'ACTIVATED'
            and at <= :at""");

    /** Holds the user's row lock until the transaction ends; a user seen for the first time gets a row. */
    public Uni<Void> lock(String clientId, String userId, Instant now) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException("LedgerStore.lock needs a transaction"))
                .chain(tx -> Panache.getSession())
                .chain(s -> s.createNativeQuery(LOCK).setParameter("c", clientId).setParameter("u", userId)
                        .setParameter("now", now).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> touched(String clientId, String userId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(BUMP).setParameter("c", clientId)
                .setParameter("u", userId).setParameter("now", now).executeUpdate()).replaceWithVoid();
    }

    /** @return false when the device already reported at that instant (a duplicate: it changes nothing) */
    public Uni<Boolean> addSample(String clientId, String userId, Basis basis, String deviceId, Sample sample) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT_SAMPLE).setParameter("c", clientId)
                .setParameter("u", userId).setParameter("b", basis.name()).setParameter("d", deviceId)
                .setParameter("at", sample.at()).setParameter("charging", sample.charging())
                .setParameter("rate", sample.rateKw()).executeUpdate()).map(n -> n == 1);
    }

    public Uni<List<Sample>> samples(String clientId, Basis basis, String deviceId, Instant from, Instant to) {
        return SAMPLES.with("c", clientId).with("b", basis.name()).with("d", deviceId).with("from", from).with("to", to)
                .list()
                .map(rows -> rows.stream().map(r -> new Sample(NativeSelect.instant(r[0]), (Boolean) r[1],
                        r[2] == null ? null : ((Number) r[2]).doubleValue())).toList());
    }

    public Uni<Void> addFact(String clientId, String userId, UUID eventId, PairFact f) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT_FACT).setParameter("c", clientId)
                .setParameter("u", userId).setParameter("e", eventId).setParameter("at", f.at())
                .setParameter("kind", f.kind().name()).setParameter("p", f.pairId()).setParameter("v", f.vehicleId())
                .setParameter("ch", f.chargerId()).setParameter("conf", f.confidence())
                .setParameter("by", f.attributedBy() == null ? null : f.attributedBy().name())
                .setParameter("reason", f.reason()).setParameter("cand", JsonColumns.write(f.candidates()))
                .executeUpdate()).replaceWithVoid();
    }

    /** The user's pair facts from {@code from} on, in arrival order. */
    public Uni<List<PairFact>> facts(String clientId, String userId, Instant from) {
        return FACTS.with("c", clientId).with("u", userId).with("from", from).list()
                .map(rows -> rows.stream().map(LedgerStore::fact).toList());
    }

    /** When the pair's latest activation up to {@code at} began; null if it never was activated. */
    public Uni<Instant> activatedSince(String clientId, String userId, String pairId, Instant at) {
        return ACTIVATED_SINCE.with("c", clientId).with("u", userId).with("p", pairId).with("at", at).value()
                .map(NativeSelect::instant);
    }

    private static PairFact fact(Object[] r) {
        return new PairFact(((Number) r[0]).longValue(), NativeSelect.instant(r[1]), PairFact.Kind.valueOf((String) r[2]),
                (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(),
                r[7] == null ? null : AttributedBy.valueOf((String) r[7]), (String) r[8],
                JsonColumns.read((String) r[9], new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
                }));
    }
}
