package io.plugmate.charger.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.domain.PlugSessions;
import io.plugmate.charger.domain.PlugSessions.Change;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerSessionEntity;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.Topics;
import io.plugmate.messaging.NativeSelect;
import io.plugmate.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps a charger's plug sessions in step with its readings ({@link PlugSessions} decides, by event time) and publishes
 * each session once, as {@code ChargerSessionRecorded} on {@code charging-sessions} (key userId), in the transaction
 * that closes it. The caller holds the charger's row lock, so readings of one charger are placed one after the other.
 */
@ApplicationScoped
public class ChargerSessionService {

    /**
     * The sessions a reading can touch: open ones, and those ended since the reading or since the earliest open one
     * started, whichever is earlier — one statement (issue 14; the earliest open start was a select of its own).
     */
    private static final String SESSIONS = """
            from ChargerSessionEntity where chargerId = :c and (endedAt is null or endedAt >= least(:at,
            (select min(o.startedAt) from ChargerSessionEntity o where o.chargerId = :c and o.endedAt is null)))""";
    private static final NativeSelect READINGS = NativeSelect.of("""
            select observed_at, is_plugged_in, energy_meter_kwh from charger_observation
            where charger_id = :c and observed_at >= :from and is_plugged_in is not null order by observed_at, received_at""");

    private final Outbox outbox;

    public ChargerSessionService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Places one new reading (already stored in {@code charger_observation}) among the charger's sessions. */
    public Uni<Void> place(ChargerEntity charger, PlugSessions.Reading reading) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(SESSIONS, ChargerSessionEntity.class)
                .setParameter("c", charger.id).setParameter("at", reading.at()).getResultList()
                .chain(sessions -> {
                    // the readings since the earlier of the reading and the earliest open session's start
                    Instant from = sessions.stream().filter(session -> session.endedAt == null)
                            .map(session -> session.startedAt).filter(start -> start.isBefore(reading.at()))
                            .min(Instant::compareTo).orElse(reading.at());
                    return readings(charger.id, from).chain(readings -> apply(charger, sessions,
                            PlugSessions.apply(reading, readings,
                                    sessions.stream().map(ChargerSessionEntity::view).toList())));
                }));
    }

    private Uni<List<PlugSessions.Reading>> readings(UUID chargerId, Instant from) {
        return READINGS.with("c", chargerId).with("from", from).list()
                .map(rows -> rows.stream().map(row -> new PlugSessions.Reading(NativeSelect.instant(row[0]), (Boolean) row[1],
                        row[2] == null ? null : ((Number) row[2]).doubleValue())).toList());
    }

    private Uni<Void> apply(ChargerEntity charger, List<ChargerSessionEntity> sessions, List<Change> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Change change : changes) {
            chain = chain.chain(() -> apply(charger, sessions, change));
        }
        return chain;
    }

    private Uni<Void> apply(ChargerEntity charger, List<ChargerSessionEntity> sessions, Change change) {
        return switch (change) {
            case PlugSessions.Open o -> persist(charger, o.startedAt(), o.meterStartKwh(), null, null)
                    .replaceWithVoid();
            case PlugSessions.Record r -> persist(charger, r.startedAt(), r.meterStartKwh(), r.endedAt(),
                    r.meterStopKwh()).chain(session -> publish(charger, session));
            case PlugSessions.MoveStart m -> {
                ChargerSessionEntity session = find(sessions, m.sessionId());
                session.startedAt = m.startedAt();
                session.meterStartKwh = m.meterStartKwh();
                yield Uni.createFrom().voidItem();
            }
            case PlugSessions.Close c -> {
                ChargerSessionEntity session = find(sessions, c.sessionId());
                session.endedAt = c.endedAt();
                session.meterStopKwh = c.meterStopKwh();
                // flushed before a session opened next (the cable went in again) meets the one-open-session index
                yield Panache.getSession().chain(s -> s.flush()).chain(() -> publish(charger, session));
            }
        };
    }

    private Uni<ChargerSessionEntity> persist(ChargerEntity charger, Instant startedAt, Double meterStart,
            Instant endedAt, Double meterStop) {
        ChargerSessionEntity session = new ChargerSessionEntity();
        session.id = UUID.randomUUID();
        session.chargerId = charger.id;
        session.startedAt = startedAt;
        session.meterStartKwh = meterStart;
        session.endedAt = endedAt;
        session.meterStopKwh = meterStop;
        session.createdAt = WallClock.now();
        return Panache.getSession().chain(s -> s.persist(session).call(s::flush)).replaceWith(session);
    }

    private Uni<Void> publish(ChargerEntity charger, ChargerSessionEntity session) {
        return outbox.publish(Topics.CHARGING_SESSIONS, charger.userId, new ChargerSessionRecorded(UUID.randomUUID(),
                ChargerSessionRecorded.SCHEMA_VERSION, charger.clientId, charger.userId, WallClock.now(),
                session.id.toString(), charger.id.toString(), charger.vendor, session.startedAt, session.endedAt,
                session.meterStartKwh, session.meterStopKwh));
    }

    private static ChargerSessionEntity find(List<ChargerSessionEntity> sessions, UUID id) {
        return sessions.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow();
    }
}
