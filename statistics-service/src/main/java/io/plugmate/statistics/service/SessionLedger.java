package io.plugmate.statistics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.statistics.domain.Basis;
import io.plugmate.statistics.domain.ChargingSession;
import io.plugmate.statistics.domain.Inputs;
import io.plugmate.statistics.domain.PairFact;
import io.plugmate.statistics.domain.Sample;
import io.plugmate.statistics.domain.StatisticsSettings;
import io.plugmate.statistics.domain.TelemetryRun;
import io.plugmate.statistics.domain.TelemetryRuns;
import io.plugmate.statistics.persistence.LedgerStore;
import io.plugmate.statistics.persistence.SessionEntity;
import io.plugmate.statistics.persistence.SessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one path every input takes, inside the consumer's transaction (which also holds its inbox mark): lock the user's
 * row, record what the input measured (a telemetry sample and the estimated sessions around it, a native session, a
 * pair fact), then have {@link Reconciliation} decide again about the sessions it may have changed. A failure rolls
 * all of it back.
 */
@ApplicationScoped
public class SessionLedger {

    /** How far around a report the device's samples are read to rebuild its runs: the longest session estimated. */
    static final Duration RUN_HORIZON = Duration.ofDays(3);

    private final LedgerStore store;
    private final SessionRepository sessions;
    private final Reconciliation reconciliation;
    private final StatisticsSettings settings;

    public SessionLedger(LedgerStore store, SessionRepository sessions, Reconciliation reconciliation,
            StatisticsSettings settings) {
        this.store = store;
        this.sessions = sessions;
        this.reconciliation = reconciliation;
        this.settings = settings;
    }

    public Uni<Void> accept(PlugmateEvent event) {
        Instant now = WallClock.now();
        return Uni.createFrom().voidItem().invoke(() -> InputChecks.check(event))
                .chain(() -> store.lock(event.clientId(), event.userId(), now))
                .chain(() -> record(event, now))
                .chain(window -> window == null ? Uni.createFrom().voidItem()
                        : reconciliation.settle(event.clientId(), event.userId(), window, now)
                                .chain(() -> store.touched(event.clientId(), event.userId(), now)));
    }

    /** @return the window of event time whose decisions may have changed; null when nothing did */
    private Uni<Window> record(PlugmateEvent event, Instant now) {
        return switch (event) {
            case VehicleStateObserved v -> sample(v, Basis.VEHICLE_RATE, v.vehicleId(), Inputs.sample(v), now);
            case ChargerStateObserved c -> sample(c, Basis.CHARGER_RATE, c.chargerId(), Inputs.sample(c), now);
            case ChargerSessionRecorded r -> recorded(Inputs.session(r), now);
            case PairEvent p -> pair(p);
            default -> Uni.createFrom().nullItem();
        };
    }

    private Uni<Window> sample(PlugmateEvent e, Basis basis, String deviceId, Sample sample, Instant now) {
        if (sample == null) {
            return Uni.createFrom().nullItem(); // says nothing about charging
        }
        return store.addSample(e.clientId(), e.userId(), basis, deviceId, sample)
                .chain(added -> added ? rebuild(e.clientId(), e.userId(), basis, deviceId, sample.at(), now)
                        : Uni.createFrom().nullItem());
    }

    /** Rebuilds the device's estimated sessions that a report at {@code t} can change (and only those). */
    private Uni<Window> rebuild(String clientId, String userId, Basis basis, String deviceId, Instant t, Instant now) {
        return store.samples(clientId, basis, deviceId, t.minus(RUN_HORIZON), t.plus(RUN_HORIZON))
                .chain(samples -> sessions.estimatesNear(clientId, basis, deviceId, t.minus(settings.splitGap()),
                        t.plus(settings.splitGap())).chain(existing -> {
                            List<ChargingSession> fresh = new ArrayList<>();
                            for (TelemetryRun run : TelemetryRuns.of(samples, settings)) {
                                if (run.dependsOn(t, settings)) {
                                    fresh.add(ChargingSession.estimated(clientId, userId, basis, deviceId, run));
                                }
                            }
                            return replace(existing, fresh, now);
                        }));
    }

    private Uni<Window> replace(List<SessionEntity> existing, List<ChargingSession> fresh, Instant now) {
        Map<String, SessionEntity> old = existing.stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Window window = null;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SessionEntity gone : existing) {
            window = new Window(gone.startedAt, gone.endedAt).union(window);
            if (fresh.stream().noneMatch(f -> f.id().equals(gone.id))) {
                chain = chain.chain(() -> sessions.delete(gone));
            }
        }
        boolean changed = existing.size() != fresh.size();
        for (ChargingSession s : fresh) {
            window = new Window(s.startedAt(), s.endedAt()).union(window);
            SessionEntity row = old.get(s.id());
            if (row == null) {
                changed = true;
                chain = chain.chain(() -> sessions.persist(SessionEntity.of(s, now)).replaceWithVoid());
            } else {
                changed |= row.measure(s, now);
            }
        }
        Window result = changed ? window : null;
        return chain.chain(() -> Panache.getSession()).chain(s -> s.flush()).replaceWith(result);
    }

    private Uni<Window> recorded(ChargingSession session, Instant now) {
        return sessions.findOwned(session.clientId(), session.id()).chain(row -> {
            if (row != null && !row.measure(session, now)) {
                return Uni.createFrom().nullItem(); // published again as it was
            }
            Uni<Void> stored = row != null ? Uni.createFrom().voidItem()
                    : sessions.persist(SessionEntity.of(session, now)).replaceWithVoid();
            return stored.chain(() -> Panache.getSession()).chain(s -> s.flush())
                    .replaceWith(new Window(session.startedAt(), session.endedAt()));
        });
    }

    /**
     * A pair fact can change sessions on its charger overlapping the activation it belongs to (from that activation's
     * start), and those an ambiguity raised just before them concerns.
     */
    private Uni<Window> pair(PairEvent event) {
        PairFact fact = Inputs.fact(event, 0);
        if (fact == null) {
            return Uni.createFrom().nullItem(); // PairEstablished: says nothing about plugging
        }
        Duration lead = settings.ambiguityLead();
        return store.activatedSince(event.clientId(), event.userId(), fact.pairId(), fact.at())
                .chain(since -> store.addFact(event.clientId(), event.userId(), event.eventId(), fact).map(done -> {
                    Instant from = (since == null || fact.kind() == PairFact.Kind.AMBIGUOUS ? fact.at() : since)
                            .minus(lead);
                    Instant to = fact.kind() == PairFact.Kind.ACTIVATED ? fact.at().plus(settings.splitGap())
                            : fact.at().plus(lead);
                    return new Window(from, to);
                }));
    }
}
