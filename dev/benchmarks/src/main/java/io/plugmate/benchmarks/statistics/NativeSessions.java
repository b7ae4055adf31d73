package io.plugmate.benchmarks.statistics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.plugmate.charger.domain.PlugSessions;
import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.simulator.domain.ChargerReport;

/**
 * charger-service's session recording in memory: its own {@code PlugSessions} rules place every charger report (plug
 * state and meter, at event time) and a session is recorded once, when it closes, as {@code ChargerSessionRecorded} —
 * what charger-service publishes on {@code charging-sessions}, without its database and outbox.
 */
final class NativeSessions {

    private final String clientId;
    private final Map<String, TreeMap<Instant, PlugSessions.Reading>> readings = new HashMap<>();
    private final Map<String, List<PlugSessions.Session>> sessions = new HashMap<>();
    private long sequence;

    NativeSessions(String clientId) {
        this.clientId = clientId;
    }

    /** @return the sessions this report closed, as charger-service would publish them */
    List<ChargerSessionRecorded> place(String userId, ChargerReport r, Instant deliveredAt) {
        String charger = r.chargerId();
        TreeMap<Instant, PlugSessions.Reading> known = readings.computeIfAbsent(charger, k -> new TreeMap<>());
        List<PlugSessions.Session> mine = sessions.computeIfAbsent(charger, k -> new ArrayList<>());
        PlugSessions.Reading reading = new PlugSessions.Reading(r.observedAt(), r.isPluggedIn(), r.energyMeterKwh());
        if (reading.pluggedIn() && mine.stream().anyMatch(s -> s.endedAt() == null
                && !reading.at().isBefore(s.startedAt()))) {
            // inside the open session: PlugSessions changes nothing, and sorting hours of readings to say so is slow
            known.putIfAbsent(reading.at(), reading);
            return List.of();
        }
        Instant openStart = mine.stream().filter(s -> s.endedAt() == null).map(PlugSessions.Session::startedAt)
                .min(Instant::compareTo).orElse(null);
        Instant from = openStart != null && openStart.isBefore(reading.at()) ? openStart : reading.at();
        known.putIfAbsent(reading.at(), reading);
        List<PlugSessions.Session> relevant = mine.stream()
                .filter(s -> s.endedAt() == null || !s.endedAt().isBefore(from)).toList();
        List<ChargerSessionRecorded> recorded = new ArrayList<>();
        for (PlugSessions.Change change : PlugSessions.apply(reading, List.copyOf(known.tailMap(from, true).values()),
                relevant)) {
            switch (change) {
                case PlugSessions.Open o -> mine.add(new PlugSessions.Session(id(), o.startedAt(), o.meterStartKwh(), null,
                        null));
                case PlugSessions.MoveStart m -> replace(mine, m.sessionId(), s -> new PlugSessions.Session(s.id(),
                        m.startedAt(), m.meterStartKwh(), null, null));
                case PlugSessions.Close c -> {
                    PlugSessions.Session closed = replace(mine, c.sessionId(), s -> new PlugSessions.Session(s.id(),
                            s.startedAt(), s.meterStartKwh(), c.endedAt(), c.meterStopKwh()));
                    recorded.add(event(userId, charger, r, closed, deliveredAt));
                }
                case PlugSessions.Record rec -> {
                    PlugSessions.Session s = new PlugSessions.Session(id(), rec.startedAt(), rec.meterStartKwh(),
                            rec.endedAt(), rec.meterStopKwh());
                    mine.add(s);
                    recorded.add(event(userId, charger, r, s, deliveredAt));
                }
            }
        }
        return recorded;
    }

    private ChargerSessionRecorded event(String userId, String charger, ChargerReport r, PlugSessions.Session s,
            Instant at) {
        return new ChargerSessionRecorded(id(), ChargerSessionRecorded.SCHEMA_VERSION, clientId, userId, at,
                s.id().toString(), charger, r.vendor().name(), s.startedAt(), s.endedAt(), s.meterStartKwh(),
                s.meterStopKwh());
    }

    private static PlugSessions.Session replace(List<PlugSessions.Session> list, UUID id,
            java.util.function.UnaryOperator<PlugSessions.Session> change) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                list.set(i, change.apply(list.get(i)));
                return list.get(i);
            }
        }
        throw new IllegalStateException("no session " + id);
    }

    private UUID id() {
        return UUID.nameUUIDFromBytes(("native\u001f" + (++sequence)).getBytes(StandardCharsets.UTF_8));
    }
}
