package io.plugmate.pairing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The input topics are consumed at their own speeds (ADR 0008): the pairs must not depend on how far apart the
 * consumers are. Here the detector is told nothing about the consumers (no caller vouches for anything), so the
 * inputs themselves must even out the skew.
 */
class InputOrderTest {

    private static final Instant END_OF_TIME = Instant.parse("2100-01-01T00:00:00Z");

    @Property(tries = 100)
    void topicsSkewedByMinutesGiveTheSamePairEvents(@ForAll long seed,
            @ForAll @IntRange(min = -300, max = 300) int skewSeconds) {
        List<RandomHousehold.Delivery> inSync = RandomHousehold.generate(seed);
        // the charger topic's consumer behind (positive) or ahead of (negative) the vehicle topic's
        List<RandomHousehold.Delivery> skewed = new ArrayList<>();
        for (RandomHousehold.Delivery d : inSync) {
            Duration lag = d.event() instanceof ChargerStateObserved ? Duration.ofSeconds(skewSeconds) : Duration.ZERO;
            skewed.add(new RandomHousehold.Delivery(d.at().plus(lag), d.event()));
        }
        skewed.sort(Comparator.comparing(RandomHousehold.Delivery::at));

        List<PairEvent> expected = consumeUnvouched(RandomHousehold.events(inSync));
        assertThat(consumeUnvouched(RandomHousehold.events(skewed))).isEqualTo(expected);
    }

    /**
     * The lifecycle topic behind as well: a report of a device whose link has not come yet waits for it. Once one
     * device is linked, its reports no longer wait for the links of the others (the lifecycle topic is silent for
     * months, nothing can wait for it), so only when the later pairs were established may differ.
     */
    @Property(tries = 50)
    void withTheLifecycleTopicBehindTooThePairsActivateAndDeactivateAlike(@ForAll long seed,
            @ForAll @IntRange(min = 60, max = 300) int skewSeconds) {
        List<RandomHousehold.Delivery> inSync = RandomHousehold.generate(seed);
        List<RandomHousehold.Delivery> skewed = new ArrayList<>();
        for (RandomHousehold.Delivery d : inSync) {
            Duration lag = d.event() instanceof VehicleStateObserved ? Duration.ZERO : Duration.ofSeconds(skewSeconds);
            skewed.add(new RandomHousehold.Delivery(d.at().plus(lag), d.event()));
        }
        skewed.sort(Comparator.comparing(RandomHousehold.Delivery::at));

        UserDetector detector = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        List<PairEvent> events = new ArrayList<>();
        for (PlugmateEvent e : RandomHousehold.events(skewed)) {
            events.addAll(detector.accept(e, true, null).events());
        }
        events.addAll(detector.catchUp(END_OF_TIME, true).events());

        assertThat(activity(events)).isEqualTo(activity(consumeUnvouched(RandomHousehold.events(inSync))));
        assertThat(detector.waitingInputs()).isZero();
    }

    private static List<String> activity(List<PairEvent> events) {
        return events.stream().filter(e -> e instanceof PairActivated || e instanceof PairDeactivated)
                .map(e -> e.type() + " " + e.occurredAt() + " " + (e instanceof PairActivated a ? a.pairId()
                        : ((PairDeactivated) e).pairId()))
                .toList();
    }

    @Property(tries = 100)
    void duplicatesChangeNothingWhileInputsWait(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int duplicates) {
        List<PlugmateEvent> events = RandomHousehold.events(RandomHousehold.generate(seed));
        List<PlugmateEvent> withDuplicates = new ArrayList<>(events);
        SplittableRandom random = new SplittableRandom(seed ^ 0xd0b1e);
        for (int i = 0; i < duplicates; i++) {
            PlugmateEvent original = events.get(random.nextInt(events.size()));
            int delivered = withDuplicates.indexOf(original);
            withDuplicates.add(delivered + 1 + random.nextInt(Math.min(8, withDuplicates.size() - delivered)),
                    original);
        }

        assertThat(consumeUnvouched(withDuplicates)).isEqualTo(consumeUnvouched(events));
    }

    @Property(tries = 100)
    void aRestoredSnapshotWithWaitingInputsContinuesExactlyLikeTheOriginal(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 99) int cutPercent, @ForAll @IntRange(min = 0, max = 300) int skew) {
        List<RandomHousehold.Delivery> skewed = new ArrayList<>();
        for (RandomHousehold.Delivery d : RandomHousehold.generate(seed)) {
            skewed.add(new RandomHousehold.Delivery(
                    d.event() instanceof ChargerStateObserved ? d.at().plusSeconds(skew) : d.at(), d.event()));
        }
        skewed.sort(Comparator.comparing(RandomHousehold.Delivery::at));
        List<PlugmateEvent> events = RandomHousehold.events(skewed);
        int cut = events.size() * cutPercent / 100;
        UserDetector original = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        events.subList(0, cut).forEach(e -> original.accept(e, true, null));
        UserDetector restored = UserDetector.restore(original.snapshot(), DetectorSettings.defaults());

        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        for (PlugmateEvent e : events.subList(cut, events.size())) {
            assertThat(restored.accept(e, true, null)).isEqualTo(original.accept(e, true, null));
        }
    }

    /**
     * After a database outage both device services send their backlog at once, and the car's reports of the next four
     * minutes happen to be produced a few milliseconds before its wallbox's plug-in (the fault suite's PostgreSQL row,
     * household 3). Taken in that production order, the pair was activated only at the car's last report, after the
     * wallbox's unplug, and ended at once; reports produced together are taken in event time, so the pair is active
     * from the car's first charging report (the rates compared) to the wallbox's unplug.
     */
    @org.junit.jupiter.api.Test
    void aBacklogBothDeviceServicesSendAtOnceIsDecidedInEventTime() {
        Feed feed = new Feed().linked(io.plugmate.events.DeviceType.VEHICLE, "v1")
                .linked(io.plugmate.events.DeviceType.CHARGER, "c1")
                .charger("c1", "18:00", false, false, 0.0)
                .vehicle("v1", "18:00:30", false, false, 0.0, Feed.HOME)
                .vehicleDelivered("v1", "18:02:33", "18:10:00.100", true, false, 0.0, Feed.HOME)
                .vehicleDelivered("v1", "18:02:40", "18:10:00.110", true, true, 10.2, Feed.HOME)
                .vehicleDelivered("v1", "18:04:26", "18:10:00.120", true, true, 10.2, Feed.HOME)
                .vehicleDelivered("v1", "18:06:11", "18:10:00.130", true, true, 10.2, Feed.HOME)
                .chargerDelivered("c1", "18:02:01", "18:10:00.200", true, false, 0.0);
        for (int s = 8; s < 240; s += 20) {
            String time = Feed.at("18:02:01").plusSeconds(s).toString().substring(11, 19);
            feed.chargerDelivered("c1", time, "18:10:00.%03d".formatted(200 + s * 2), true, true, 11.0);
        }
        List<PairEvent> events = consumeUnvouched(feed.chargerDelivered("c1", "18:06:01", "18:10:00.900", false, false,
                0.0).vehicleDelivered("v1", "18:06:33", "18:10:00.950", false, false, 0.0, Feed.HOME)
                .charger("c1", "18:10:20", false, false, 0.0).vehicle("v1", "18:12", false, false, 0.0, Feed.HOME)
                .events());

        assertThat(activity(events)).containsExactly(
                "PairActivated 2026-03-02T18:02:40Z " + Ids.pairId(Feed.CLIENT, Feed.USER, "v1", "c1"),
                "PairDeactivated 2026-03-02T18:06:01Z " + Ids.pairId(Feed.CLIENT, Feed.USER, "v1", "c1"));
    }

    /** Every event as it comes, vouching for nothing; at the end the topics are known complete. */
    private static List<PairEvent> consumeUnvouched(List<PlugmateEvent> events) {
        UserDetector detector = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        List<PairEvent> out = new ArrayList<>();
        events.forEach(e -> out.addAll(detector.accept(e, true, null).events()));
        out.addAll(detector.catchUp(END_OF_TIME, true).events());
        return out;
    }
}
