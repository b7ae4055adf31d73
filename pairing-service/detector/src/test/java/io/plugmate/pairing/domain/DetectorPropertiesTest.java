package io.plugmate.pairing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What must hold for every household, whatever the reports look like. */
class DetectorPropertiesTest {

    @Property(tries = 100)
    void duplicatesChangeNothing(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int duplicates) {
        List<PlugmateEvent> events = RandomHousehold.events(RandomHousehold.generate(seed));
        List<PlugmateEvent> withDuplicates = new ArrayList<>(events);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
        for (int i = 0; i < duplicates; i++) {
            PlugmateEvent original = events.get(random.nextInt(events.size()));
            int delivered = withDuplicates.indexOf(original);
            withDuplicates.add(delivered + 1 + random.nextInt(withDuplicates.size() - delivered), original);
        }

        assertThat(publish(withDuplicates)).isEqualTo(publish(events));
    }

    @Property(tries = 100)
    void reportsReorderedWithinTheLatenessBoundEndInTheSameState(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 60) int boundSeconds) {
        List<RandomHousehold.Delivery> inOrder = RandomHousehold.generate(seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x1a7e);
        List<RandomHousehold.Delivery> shuffled = new ArrayList<>();
        for (RandomHousehold.Delivery d : inOrder) {
            shuffled.add(new RandomHousehold.Delivery(d.at().plusMillis(random.nextInt(boundSeconds * 1000 + 1)),
                    d.event()));
        }
        shuffled.sort(Comparator.comparing(RandomHousehold.Delivery::at));

        UserDetector a = run(RandomHousehold.events(inOrder));
        UserDetector b = run(RandomHousehold.events(shuffled));
        assertThat(states(b)).isEqualTo(states(a));
    }

    @Property(tries = 150)
    void aVehicleIsInAtMostOneActivePairAndSoIsACharger(@ForAll long seed) {
        UserDetector detector = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        for (PlugmateEvent e : RandomHousehold.events(RandomHousehold.generate(seed))) {
            detector.accept(e, true);
            Map<String, Integer> activeByDevice = new HashMap<>();
            detector.pairs().stream().filter(p -> p.state() == PairState.ACTIVE).forEach(p -> {
                activeByDevice.merge(p.vehicleId(), 1, Integer::sum);
                activeByDevice.merge(p.chargerId(), 1, Integer::sum);
            });
            assertThat(activeByDevice.values()).allMatch(n -> n == 1);
        }
    }

    /**
     * A second charger whose every report equals the first one's cannot be told apart: once the twin's report is in,
     * neither may be active (an activation made in the seconds before the twin reported must be withdrawn).
     */
    @Property(tries = 100)
    void indistinguishableRivalsAreNeverLeftActive(@ForAll long seed) {
        UserDetector detector = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        for (PlugmateEvent e : RandomHousehold.events(RandomHousehold.generate(seed))) {
            if (e instanceof DeviceLinked l && l.deviceId().equals("c2")
                    || e instanceof ChargerStateObserved c && c.chargerId().equals("c2")) {
                continue;
            }
            detector.accept(e, true);
            PlugmateEvent twin = twinOf(e);
            if (twin != null) {
                detector.accept(twin, true);
                assertThat(detector.pairs()).noneMatch(p -> p.state() == PairState.ACTIVE);
            }
        }
    }

    private static PlugmateEvent twinOf(PlugmateEvent e) {
        if (e instanceof DeviceLinked l && l.deviceId().equals("c1")) {
            return new DeviceLinked(UUID.nameUUIDFromBytes(("twin" + l.eventId()).getBytes()), 1, l.clientId(),
                    l.userId(), l.occurredAt(), l.deviceType(), "twin", l.vendor(), l.capabilities());
        }
        if (e instanceof ChargerStateObserved c && c.chargerId().equals("c1")) {
            return new ChargerStateObserved(UUID.nameUUIDFromBytes(("twin" + c.eventId()).getBytes()), 1,
                    c.clientId(), c.userId(), c.occurredAt(), "twin", c.vendor(), c.observedAt(), c.isPluggedIn(),
                    c.isCharging(), c.chargeRateKw(), c.maxCurrentA());
        }
        return null;
    }

    /** Guards the properties above against vacuity: the random households do produce activations. */
    @Property(tries = 10)
    void mostRandomHouseholdsActivateSomething(@ForAll long seed) {
        long households = 0;
        long activated = 0;
        for (int i = 0; i < 20; i++) {
            households++;
            if (publish(RandomHousehold.events(RandomHousehold.generate(seed + i))).stream()
                    .anyMatch(PairActivated.class::isInstance)) {
                activated++;
            }
        }
        assertThat(activated).isGreaterThan(households / 2);
    }

    @Property(tries = 100)
    void theSameInputGivesTheSameOutputIdsIncluded(@ForAll long seed) {
        List<PlugmateEvent> events = RandomHousehold.events(RandomHousehold.generate(seed));
        assertThat(publish(events)).isEqualTo(publish(events));
    }

    @Property(tries = 100)
    void aRestoredSnapshotContinuesExactlyLikeTheOriginal(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 99) int cutPercent) {
        List<PlugmateEvent> events = RandomHousehold.events(RandomHousehold.generate(seed));
        int cut = events.size() * cutPercent / 100;
        UserDetector original = run(events.subList(0, cut));
        UserDetector restored = UserDetector.restore(original.snapshot(), DetectorSettings.defaults());
        List<PairEvent> fromOriginal = new ArrayList<>();
        List<PairEvent> fromRestored = new ArrayList<>();
        for (PlugmateEvent e : events.subList(cut, events.size())) {
            fromOriginal.addAll(original.accept(e, true).events());
            fromRestored.addAll(restored.accept(e, true).events());
        }
        assertThat(fromRestored).isEqualTo(fromOriginal);
    }

    private static List<PairEvent> publish(List<PlugmateEvent> events) {
        UserDetector detector = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        List<PairEvent> out = new ArrayList<>();
        events.forEach(e -> out.addAll(detector.accept(e, true).events()));
        return out;
    }

    private static UserDetector run(List<PlugmateEvent> events) {
        UserDetector detector = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        events.forEach(e -> detector.accept(e, true));
        return detector;
    }

    private static Map<String, PairState> states(UserDetector detector) {
        Map<String, PairState> states = new java.util.TreeMap<>();
        detector.pairs().forEach(p -> states.put(p.vehicleId() + "/" + p.chargerId(), p.state()));
        return states;
    }
}
