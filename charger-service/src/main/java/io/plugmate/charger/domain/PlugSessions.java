package io.plugmate.charger.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A charger's plug sessions from its own reports, decided by event time ({@code observedAt}) alone. A session is a run
 * of plugged-in readings: it starts at the first of them and ends at the first unplugged reading after the run; the
 * meter readings at those two moments give its energy. Reports arrive late and out of order, so each new reading is
 * placed among the ones already known:
 * <ul>
 * <li>inside a known session it changes nothing;</li>
 * <li>a plugged-in reading just before the open session moves its start earlier; one before a closed session (whose
 * start was already published) changes nothing;</li>
 * <li>a plugged-in reading with an unplugged one already known after it is a whole session that was missed so far:
 * it is recorded closed at once;</li>
 * <li>an unplugged reading after the open session's start, or in its very second, closes it; plugged-in readings
 * already known after that unplugged one are a new session (the cable went in again).</li>
 * </ul>
 * A closed session is final: it is published once and never reopened, moved or recorded again. Pure; the caller
 * stores the changes and publishes the closed sessions.
 */
public final class PlugSessions {

    private PlugSessions() {
    }

    /** One report's word on the cable and the meter. */
    public record Reading(Instant at, boolean pluggedIn, Double meterKwh) {
    }

    /** A stored session; {@code endedAt} null while open. */
    public record Session(UUID id, Instant startedAt, Double meterStartKwh, Instant endedAt, Double meterStopKwh) {

        boolean open() {
            return endedAt == null;
        }

        boolean covers(Instant at) {
            return !at.isBefore(startedAt) && (endedAt == null || !at.isAfter(endedAt));
        }
    }

    /** What a new reading changes. {@link Close} and {@link Record} end a session: publish it. */
    public sealed interface Change {
    }

    public record Open(Instant startedAt, Double meterStartKwh) implements Change {
    }

    public record MoveStart(UUID sessionId, Instant startedAt, Double meterStartKwh) implements Change {
    }

    public record Close(UUID sessionId, Instant endedAt, Double meterStopKwh) implements Change {
    }

    public record Record(Instant startedAt, Double meterStartKwh, Instant endedAt, Double meterStopKwh)
            implements
                Change {
    }

    /**
     * @param reading the new reading
     * @param known the charger's other readings from the open session's start (or the new reading, if earlier) on
     * @param sessions the charger's sessions open or ending at or after that point
     */
    public static List<Change> apply(Reading reading, List<Reading> known, List<Session> sessions) {
        List<Reading> readings = known.stream().filter(r -> !r.at().equals(reading.at()))
                .sorted(Comparator.comparing(Reading::at)).toList();
        Instant t = reading.at();
        if (sessions.stream().filter(s -> !s.open()).anyMatch(s -> s.covers(t))) {
            return List.of(); // within a published session: final
        }
        if (!reading.pluggedIn()) {
            return unplugged(reading, readings, sessions);
        }
        return sessions.stream().anyMatch(s -> s.open() && s.covers(t)) ? List.of()
                : pluggedIn(reading, readings, sessions);
    }

    private static List<Change> pluggedIn(Reading reading, List<Reading> readings, List<Session> sessions) {
        Instant t = reading.at();
        Optional<Session> next = sessions.stream().filter(s -> s.startedAt().isAfter(t))
                .min(Comparator.comparing(Session::startedAt));
        Optional<Reading> unplug = firstAfter(readings, t, false);
        if (next.isPresent() && (unplug.isEmpty() || next.get().startedAt().isBefore(unplug.get().at()))) {
            // the same run as the next session: it started earlier than we thought
            Session s = next.get();
            return s.open()
                    ? List.of(new MoveStart(s.id(), t, reading.meterKwh() != null ? reading.meterKwh() : s.meterStartKwh()))
                    : List.of(); // already published: final
        }
        return List.of(from(reading, readings));
    }

    private static List<Change> unplugged(Reading reading, List<Reading> readings, List<Session> sessions) {
        Instant t = reading.at();
        // an unplug in the very second its session started closes it (zero length): of two readings in one second
        // the later to arrive is the state, and here that is the unplug
        Optional<Session> open = sessions.stream().filter(Session::open).filter(s -> !s.startedAt().isAfter(t))
                .findFirst();
        if (open.isEmpty()) {
            return List.of(); // nothing plugged before it that is not already accounted for
        }
        Session s = open.get();
        List<Change> changes = new ArrayList<>();
        changes.add(new Close(s.id(), t, stopMeter(reading, readings, s)));
        firstAfter(readings, t, true).ifPresent(again -> changes.add(from(again, readings)));
        return changes;
    }

    /** A session starting at a plugged-in reading: closed at once when an unplugged reading is known after it. */
    private static Change from(Reading start, List<Reading> readings) {
        Optional<Reading> unplug = firstAfter(readings, start.at(), false);
        if (unplug.isEmpty()) {
            return new Open(start.at(), start.meterKwh());
        }
        Reading end = unplug.get();
        Double stop = end.meterKwh() != null ? end.meterKwh()
                : lastMeter(readings, start.at(), end.at()).orElse(start.meterKwh());
        return new Record(start.at(), start.meterKwh(), end.at(), stop);
    }

    /** The unplugged reading's meter; else the last one seen while plugged in; else the start's. */
    private static Double stopMeter(Reading end, List<Reading> readings, Session s) {
        if (end.meterKwh() != null) {
            return end.meterKwh();
        }
        return lastMeter(readings, s.startedAt(), end.at()).orElse(s.meterStartKwh());
    }

    private static Optional<Double> lastMeter(List<Reading> readings, Instant from, Instant before) {
        return readings.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(before))
                .filter(r -> r.meterKwh() != null).reduce((a, b) -> b).map(Reading::meterKwh);
    }

    private static Optional<Reading> firstAfter(List<Reading> readings, Instant t, boolean pluggedIn) {
        return readings.stream().filter(r -> r.at().isAfter(t) && r.pluggedIn() == pluggedIn).findFirst();
    }
}
