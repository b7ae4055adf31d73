package io.plugmate.charger.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * The sessions the readings of a batch can touch, for all its chargers at once: open ones, and those ended since
     * the batch's earliest reading or since the charger's earliest open one started, whichever is earlier. Each
     * charger's are narrowed to its own reading's in {@link #touching}: one statement for the batch, not one per
     * reading (issue 14; the earliest open start was a select of its own before that). The chargers go as one array
     * ({@code array_contains}): an {@code in} list would be a statement text per number of chargers.
     */
    private static final String SESSIONS = """
            from ChargerSessionEntity s where array_contains(:chargers, s.chargerId) and (s.endedAt is null or s.endedAt >= least(
            :earliest, (select min(o.startedAt) from ChargerSessionEntity o where o.chargerId = s.chargerId
            and o.endedAt is null)))""";
    /** Each charger's readings since its own point ({@code from}), for all the batch's chargers in one statement. */
    private static final NativeSelect READINGS = NativeSelect.of("""
            select o.charger_id, o.observed_at, o.is_plugged_in, o.energy_meter_kwh
            from unnest(cast(:chargers as uuid[]), cast(:froms as text[])::timestamptz[]) as f(charger_id, from_at)
            join charger_observation o on o.charger_id = f.charger_id and o.observed_at >= f.from_at
            where o.is_plugged_in is not null order by o.charger_id, o.observed_at, o.received_at""");

    private final Outbox outbox;

    public ChargerSessionService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One new reading of one charger, already stored in {@code charger_observation}, to place among its sessions. */
    public record Placement(ChargerEntity charger, PlugSessions.Reading reading) {
    }

    /** Places one new reading among the charger's sessions. */
    public Uni<Void> place(ChargerEntity charger, PlugSessions.Reading reading) {
        return placeAll(List.of(new Placement(charger, reading)));
    }

    /**
     * Places each new reading among its charger's sessions, as {@link #place} would one after the other: the sessions
     * and readings of all the chargers are read in one statement each, then each charger's changes are made.
     *
     * @param placements at most one reading per charger (a second would have to see what the first changed)
     */
    public Uni<Void> placeAll(List<Placement> placements) {
        if (placements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> chargers = new LinkedHashSet<>();
        placements.forEach(p -> {
            if (!chargers.add(p.charger().id)) {
                throw new IllegalArgumentException("charger " + p.charger().id + " twice in one placement");
            }
        });
        Instant earliest = placements.stream().map(p -> p.reading().at()).min(Instant::compareTo).orElseThrow();
        return Panache.getSession().chain(s -> s.createSelectionQuery(SESSIONS, ChargerSessionEntity.class)
                .setParameter("chargers", chargers.toArray(UUID[]::new)).setParameter("earliest", earliest).getResultList())
                .chain(loaded -> {
                    List<List<ChargerSessionEntity>> sessions = placements.stream()
                            .map(p -> touching(loaded, p.charger().id, p.reading().at())).toList();
                    return readings(placements, sessions).chain(readings -> {
                        Uni<Void> placed = Uni.createFrom().voidItem();
                        for (int i = 0; i < placements.size(); i++) {
                            Placement p = placements.get(i);
                            List<ChargerSessionEntity> its = sessions.get(i);
                            List<Change> changes = PlugSessions.apply(p.reading(),
                                    readings.getOrDefault(p.charger().id, List.of()),
                                    its.stream().map(ChargerSessionEntity::view).toList());
                            placed = placed.chain(() -> apply(p.charger(), its, changes));
                        }
                        return placed;
                    });
                });
    }

    /**
     * One charger's sessions a reading at {@code at} can touch: open ones, and those ended since {@code at} or since the
     * earliest open one started, whichever is earlier.
     */
    private static List<ChargerSessionEntity> touching(List<ChargerSessionEntity> loaded, UUID charger, Instant at) {
        List<ChargerSessionEntity> its = loaded.stream().filter(s -> s.chargerId.equals(charger)).toList();
        Instant since = since(its, at);
        return its.stream().filter(s -> s.endedAt == null || !s.endedAt.isBefore(since)).toList();
    }

    /** The earlier of {@code at} and the start of the charger's earliest open session. */
    private static Instant since(List<ChargerSessionEntity> sessions, Instant at) {
        return sessions.stream().filter(s -> s.endedAt == null).map(s -> s.startedAt)
                .filter(start -> start.isBefore(at)).min(Instant::compareTo).orElse(at);
    }

    /**
     * Each charger's readings since the earlier of its reading and its earliest open session's start, in measurement
     * (then arrival) order.
     */
    private Uni<Map<UUID, List<PlugSessions.Reading>>> readings(List<Placement> placements,
            List<List<ChargerSessionEntity>> sessions) {
        UUID[] chargers = new UUID[placements.size()];
        String[] froms = new String[placements.size()];
        for (int i = 0; i < placements.size(); i++) {
            chargers[i] = placements.get(i).charger().id;
            froms[i] = since(sessions.get(i), placements.get(i).reading().at()).toString();
        }
        return READINGS.with("chargers", chargers).with("froms", froms).list().map(rows -> {
            Map<UUID, List<PlugSessions.Reading>> byCharger = new HashMap<>();
            rows.forEach(row -> byCharger.computeIfAbsent((UUID) row[0], c -> new ArrayList<>())
                    .add(new PlugSessions.Reading(NativeSelect.instant(row[1]), (Boolean) row[2],
                            row[3] == null ? null : ((Number) row[3]).doubleValue())));
            return byCharger;
        });
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
