package io.plugmate.pairing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The three input topics are consumed at their own speeds (ADR 0008): the same inputs with the charger topic's
 * consumer five minutes behind the vehicle topic's give the same pair events, event times and evidence included, as
 * when both are taken as they were produced.
 */
@QuarkusTest
class TopicSkewTest {

    private static final Duration CONSUMER_LAG = Duration.ofMinutes(5);

    @Test
    void theChargerTopicsConsumerFiveMinutesBehindGivesTheSamePairEvents() {
        Household together = Household.fresh();
        Household behind = new Household("client-" + UUID.randomUUID(), together.userId(), together.vehicleId(),
                together.chargerId(), together.start());

        List<PlugmateEvent> inOrder = session(together);
        try (PairEvents events = PairEvents.of(together.clientId())) {
            // linked first, as devices are: the links are taken as they come (ADR 0008)
            together.link();
            events.await(PairEstablished.class);
            inOrder.forEach(Household::publish);
            events.await(PairDeactivated.class);
        }
        List<String> expected = described(together);

        // the charger topic's records reach the service as if its consumer were five minutes behind the vehicle
        // topic's: each one only after every vehicle record produced up to five minutes after it
        List<PlugmateEvent> skewed = new ArrayList<>(session(behind));
        skewed.sort(Comparator.comparing((PlugmateEvent e) -> e instanceof ChargerStateObserved
                ? e.occurredAt().plus(CONSUMER_LAG)
                : e.occurredAt()));
        try (PairEvents events = PairEvents.of(behind.clientId())) {
            behind.link();
            events.await(PairEstablished.class);
            for (PlugmateEvent e : skewed) {
                Household.publish(e);
                if (e instanceof VehicleStateObserved) {
                    // and the vehicle topic's consumer really is ahead: its record is taken before anything newer
                    await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(e.eventId()));
                }
            }
            events.await(PairDeactivated.class);
        }

        assertThat(described(behind)).isEqualTo(expected).hasSize(3);
    }

    /**
     * Unplugged, then plugged in and charging for half an hour (the charger every 30 s, the vehicle every 2 min),
     * unplugged; each record produced two seconds after it was measured.
     */
    private static List<PlugmateEvent> session(Household h) {
        List<PlugmateEvent> events = new ArrayList<>();
        events.add(h.vehicleProduced(Duration.ofMinutes(1), false, false, 0));
        events.add(h.chargerProduced(Duration.ofMinutes(1).plusSeconds(20), false, false, 0));
        for (Duration t = Duration.ofMinutes(10); t.compareTo(Duration.ofMinutes(40)) < 0; t = t.plusSeconds(30)) {
            events.add(h.chargerProduced(t.plusSeconds(5), true, true, 11.0));
            if (t.toSeconds() % 120 == 30) {
                events.add(h.vehicleProduced(t.plusSeconds(10), true, true, 10.1));
            }
        }
        events.add(h.vehicleProduced(Duration.ofMinutes(40), false, false, 0));
        events.add(h.chargerProduced(Duration.ofMinutes(40).plusSeconds(15), false, false, 0));
        events.add(h.vehicleProduced(Duration.ofMinutes(42), false, false, 0));
        events.add(h.chargerProduced(Duration.ofMinutes(42).plusSeconds(15), false, false, 0));
        return events;
    }

    /** The user's pair events without what differs by client: type, event time, reason or evidence. */
    private static List<String> described(Household h) {
        try (PairEvents events = PairEvents.of(h.clientId())) {
            await().atMost(PairEvents.PATIENCE).until(() -> events.all().size() >= 3);
            return events.all().stream().map(TopicSkewTest::describe).toList();
        }
    }

    private static String describe(PairEvent e) {
        String what = switch (e) {
            case PairActivated a -> a.confidence() + " " + a.evidence();
            case PairDeactivated d -> d.reason();
            default -> "";
        };
        return e.type() + " " + e.occurredAt() + " " + what;
    }

}
