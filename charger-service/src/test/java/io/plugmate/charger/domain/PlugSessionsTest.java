package io.plugmate.charger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.domain.PlugSessions.Change;
import io.plugmate.charger.domain.PlugSessions.Close;
import io.plugmate.charger.domain.PlugSessions.MoveStart;
import io.plugmate.charger.domain.PlugSessions.Open;
import io.plugmate.charger.domain.PlugSessions.Reading;
import io.plugmate.charger.domain.PlugSessions.Record;
import io.plugmate.charger.domain.PlugSessions.Session;

class PlugSessionsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T18:00:00Z");

    private static Instant min(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    private static Reading plugged(int minute, double meter) {
        return new Reading(min(minute), true, meter);
    }

    private static Reading unplugged(int minute, Double meter) {
        return new Reading(min(minute), false, meter);
    }

    private static Session open(UUID id, int minute, double meter) {
        return new Session(id, min(minute), meter, null, null);
    }

    private static Session closed(int from, int to) {
        return new Session(UUID.randomUUID(), min(from), 100.0, min(to), 110.0);
    }

    @Test
    void aPlugInOpensASessionAndTheUnplugClosesItWithTheMeterAtBothEnds() {
        assertThat(PlugSessions.apply(plugged(0, 100.0), List.of(), List.of()))
                .containsExactly(new Open(min(0), 100.0));

        UUID id = UUID.randomUUID();
        assertThat(PlugSessions.apply(unplugged(90, 112.5), List.of(plugged(0, 100.0), plugged(45, 106.0)),
                List.of(open(id, 0, 100.0)))).containsExactly(new Close(id, min(90), 112.5));
    }

    @Test
    void readingsInsideASessionChangeNothing() {
        UUID id = UUID.randomUUID();
        assertThat(PlugSessions.apply(plugged(30, 103.0), List.of(plugged(0, 100.0)), List.of(open(id, 0, 100.0))))
                .isEmpty();
        // late reports from within a session already published: neither reopen nor split it
        assertThat(PlugSessions.apply(plugged(30, 103.0), List.of(), List.of(closed(0, 90)))).isEmpty();
        assertThat(PlugSessions.apply(unplugged(30, 103.0), List.of(), List.of(closed(0, 90)))).isEmpty();
    }

    @Test
    void aLatePlugInBeforeTheOpenSessionMovesItsStartEarlier() {
        UUID id = UUID.randomUUID();
        assertThat(PlugSessions.apply(plugged(-2, 99.5), List.of(plugged(0, 100.0)), List.of(open(id, 0, 100.0))))
                .containsExactly(new MoveStart(id, min(-2), 99.5));
    }

    @Test
    void aLatePlugInBeforeAPublishedSessionChangesNothing() {
        assertThat(PlugSessions.apply(plugged(-2, 99.5), List.of(unplugged(90, 110.0)), List.of(closed(0, 90))))
                .isEmpty();
    }

    @Test
    void aLateUnplugBeforeTheOpenSessionStartedIsIgnored() {
        UUID id = UUID.randomUUID();
        assertThat(PlugSessions.apply(unplugged(-5, 99.0), List.of(plugged(0, 100.0)), List.of(open(id, 0, 100.0))))
                .isEmpty();
        assertThat(PlugSessions.apply(unplugged(-5, 99.0), List.of(), List.of())).isEmpty();
    }

    @Test
    void aPlugInThatArrivesAfterItsUnplugIsAWholeSessionRecordedAtOnce() {
        assertThat(PlugSessions.apply(plugged(0, 100.0), List.of(unplugged(40, 104.0)), List.of()))
                .containsExactly(new Record(min(0), 100.0, min(40), 104.0));
    }

    @Test
    void anUnplugInTheSecondItsSessionStartedClosesIt() {
        // of two readings in one second the later to arrive is the state: plugged then unplugged is a closed session
        UUID id = UUID.randomUUID();
        assertThat(PlugSessions.apply(unplugged(0, 100.0), List.of(plugged(0, 100.0)), List.of(open(id, 0, 100.0))))
                .containsExactly(new Close(id, min(0), 100.0));
        // unplugged then plugged in that second: the cable is in, a session opens
        assertThat(PlugSessions.apply(plugged(0, 100.0), List.of(unplugged(0, 100.0)), List.of()))
                .containsExactly(new Open(min(0), 100.0));
        // and the zero-length session, once published, is final like any other
        assertThat(replay(List.of(plugged(0, 100.0), unplugged(0, 100.0), plugged(0, 100.0))))
                .containsExactly(List.of(100.0, 100.0));
    }

    @Test
    void aLateUnplugInTheMiddleSplitsTheOpenSessionInTwo() {
        UUID id = UUID.randomUUID();
        List<Reading> known = List.of(plugged(0, 100.0), plugged(30, 103.0), plugged(60, 103.0), plugged(70, 104.0));
        assertThat(PlugSessions.apply(unplugged(45, 103.0), known, List.of(open(id, 0, 100.0))))
                .containsExactly(new Close(id, min(45), 103.0), new Open(min(60), 103.0));
    }

    @Test
    void anUnplugWithoutAMeterTakesTheLastMeterSeenWhilePlugged() {
        UUID id = UUID.randomUUID();
        assertThat(PlugSessions.apply(unplugged(90, null), List.of(plugged(0, 100.0), plugged(80, 109.0)),
                List.of(open(id, 0, 100.0)))).containsExactly(new Close(id, min(90), 109.0));
    }

    @Test
    void aPlugInAfterAPublishedSessionStartsANewOne() {
        assertThat(PlugSessions.apply(plugged(120, 110.0), List.of(), List.of(closed(0, 90))))
                .containsExactly(new Open(min(120), 110.0));
    }

    @Test
    void inEventTimeOrderEverySessionIsPublishedOnceWithItsMeters() {
        assertThat(replay(TIMELINE)).containsExactly(List.of(100.0, 103.0), List.of(103.0, 106.0));
    }

    /**
     * In any arrival order: each session is published once, published sessions never overlap, each starts at a
     * plugged-in reading and ends at an unplugged one, and together they never claim more energy than the meter ran.
     */
    @Test
    void inAnyArrivalOrderPublishedSessionsAreDisjointAndNeverOvercount() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<Reading> arrivals = new ArrayList<>(TIMELINE);
            Collections.shuffle(arrivals, random);
            List<Session> published = new ArrayList<>();
            replay(arrivals, published);

            assertThat(published).as("arrivals %s", arrivals).hasSizeBetween(1, 2);
            assertThat(published.stream().map(Session::id).distinct()).hasSameSizeAs(published);
            for (Session a : published) {
                assertThat(TIMELINE).contains(new Reading(a.startedAt(), true, a.meterStartKwh()));
                assertThat(TIMELINE).anyMatch(r -> !r.pluggedIn() && r.at().equals(a.endedAt()));
                for (Session b : published) {
                    assertThat(a == b || a.endedAt().isBefore(b.startedAt()) || b.endedAt().isBefore(a.startedAt()))
                            .as("%s and %s overlap", a, b).isTrue();
                }
            }
            assertThat(published.stream().mapToDouble(x -> x.meterStopKwh() - x.meterStartKwh()).sum())
                    .isLessThanOrEqualTo(106.0 - 100.0);
        }
    }

    private static final List<Reading> TIMELINE = List.of(plugged(0, 100.0), plugged(10, 101.0), plugged(20, 102.0),
            unplugged(30, 103.0), unplugged(40, 103.0), plugged(50, 103.0), plugged(60, 105.0), unplugged(70, 106.0));

    private static List<List<Double>> replay(List<Reading> arrivals) {
        List<Session> published = new ArrayList<>();
        replay(arrivals, published);
        return published.stream().map(x -> List.of(x.meterStartKwh(), x.meterStopKwh())).toList();
    }

    /** Stores the changes as the service does; collects the published (closed) sessions. */
    private static void replay(List<Reading> arrivals, List<Session> published) {
        List<Reading> known = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (Reading r : arrivals) {
            for (Change change : PlugSessions.apply(r, known, sessions)) {
                switch (change) {
                    case Open o -> sessions.add(new Session(UUID.randomUUID(), o.startedAt(), o.meterStartKwh(), null,
                            null));
                    case MoveStart m -> sessions.replaceAll(s -> s.id().equals(m.sessionId())
                            ? new Session(s.id(), m.startedAt(), m.meterStartKwh(), null, null)
                            : s);
                    case Close c -> {
                        Session s = sessions.stream().filter(x -> x.id().equals(c.sessionId())).findFirst().orElseThrow();
                        Session done = new Session(s.id(), s.startedAt(), s.meterStartKwh(), c.endedAt(), c.meterStopKwh());
                        sessions.replaceAll(x -> x.id().equals(s.id()) ? done : x);
                        published.add(done);
                    }
                    case Record rec -> {
                        Session done = new Session(UUID.randomUUID(), rec.startedAt(), rec.meterStartKwh(),
                                rec.endedAt(), rec.meterStopKwh());
                        sessions.add(done);
                        published.add(done);
                    }
                }
            }
            known.add(r);
        }
    }
}
