package io.plugmate.pairing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/**
 * Which of the two state streams' heads the queue takes first (ADR 0008): by production time, except a wallbox's report
 * dated before a car's produced less than {@code inputs.concurrent} before it.
 */
class InputQueueTest {

    private static final Instant PRODUCED = Instant.parse("2026-03-02T18:10:00Z");
    private static final Instant DATED = Instant.parse("2026-03-02T18:02:00Z");
    private static final EnumSet<InputQueue.Stream> BOTH = EnumSet.of(InputQueue.Stream.CHARGERS,
            InputQueue.Stream.VEHICLES);

    /** The car's report is produced first; the columns move the wallbox's report in production and event time. */
    @ParameterizedTest(name = "wallbox produced {0} ms later, dated {1} s later: {2} first")
    @CsvSource({
            // produced far apart: production order, whatever the dates
            "5000, -30, car", "2000, -30, car", "-5000, 30, wallbox", "-2000, 30, wallbox",
            // produced together, the wallbox's dated first: the wallbox first, whichever was produced first
            "1999, -30, wallbox", "100, -1, wallbox", "-1999, -30, wallbox", "0, -30, wallbox",
            // produced together, the car's dated first: production order (the wallbox never waits for the car's
            // next report because of the window), a tie in production time to the charger as before
            "100, 30, car", "-100, 30, wallbox", "0, 30, wallbox",
            // together and dated alike: production order
            "100, 0, car", "-100, 0, wallbox", "0, 0, wallbox" })
    void theHeadTakenFirst(long wallboxProducedLaterMillis, long wallboxDatedLaterSeconds, String first) {
        PlugmateEvent car = vehicle(PRODUCED, DATED);
        PlugmateEvent wallbox = charger(PRODUCED.plusMillis(wallboxProducedLaterMillis),
                DATED.plusSeconds(wallboxDatedLaterSeconds));
        InputQueue queue = new InputQueue(DetectorSettings.defaults().inputs(), List.of(car, wallbox));

        PlugmateEvent taken = queue.next(BOTH, null, e -> false);

        assertThat(taken).isSameAs(first.equals("car") ? car : wallbox);
        assertThat(queue.next(BOTH, null, e -> false)).as("the other waits for its stream's next report").isNull();
    }

    /** Nothing is taken on event time alone: a report still waits for the other stream to show its next one. */
    @Test
    void aReportWaitsForTheOtherStreamEvenWhenItCouldBeConcurrent() {
        PlugmateEvent car = vehicle(PRODUCED, DATED);
        InputQueue queue = new InputQueue(DetectorSettings.defaults().inputs(), new ArrayList<>(List.of(car)));

        assertThat(queue.next(BOTH, null, e -> false)).isNull();

        queue.add(charger(PRODUCED.plusMillis(50), DATED.minusSeconds(30)));
        assertThat(queue.next(BOTH, null, e -> false)).isInstanceOf(ChargerStateObserved.class);
    }

    /** Each stream keeps its own order: a later report of one stream never overtakes that stream's head. */
    @Test
    void aStreamsOwnOrderIsKeptWhateverItsReportsAreDated() {
        PlugmateEvent carFirst = vehicle(PRODUCED, DATED.plusSeconds(60));
        PlugmateEvent carSecond = vehicle(PRODUCED.plusMillis(10), DATED);
        PlugmateEvent wallbox = charger(PRODUCED.plusMillis(20), DATED.plusSeconds(30));
        InputQueue queue = new InputQueue(DetectorSettings.defaults().inputs(),
                List.of(carFirst, carSecond, wallbox));

        assertThat(queue.next(BOTH, null, e -> false)).isSameAs(wallbox);
        assertThat(queue.next(BOTH, null, e -> false)).as("the car's stream has no head to compare with").isNull();
    }

    private static VehicleStateObserved vehicle(Instant produced, Instant dated) {
        return new VehicleStateObserved(UUID.randomUUID(), 1, Feed.CLIENT, Feed.USER, produced, "v1", "TESLA", dated,
                true, false, 0.0, 50.0, null);
    }

    private static ChargerStateObserved charger(Instant produced, Instant dated) {
        return new ChargerStateObserved(UUID.randomUUID(), 1, Feed.CLIENT, Feed.USER, produced, "c1", "WATTBOX", dated,
                true, false, 0.0, 16.0);
    }
}
