package io.plugmate.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.Evidence;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random weeks of one household (its car on its wallbox with the pair active, guests on the wallbox, the car at
 * public posts): the sessions are a function of the input, not of how often or in which order it arrives.
 */
class LedgerPropertiesTest {

    static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

    /** One plug-in: who, from when, for how long, at what power. */
    record Episode(String kind, int startMinute, int minutes, double kw) {
    }

    @Property(tries = 60)
    void replayingTheInputTwiceChangesNothing(@ForAll("weeks") List<Episode> week) {
        List<PlugmateEvent> input = events(week);

        List<ResolvedSession> once = run(input);
        List<PlugmateEvent> twice = new ArrayList<>(input);
        twice.addAll(input);

        assertThat(run(twice)).isEqualTo(once);
    }

    @Property(tries = 60)
    void theOrderTopicsAreReadInChangesNothing(@ForAll("weeks") List<Episode> week, @ForAll long seed) {
        List<PlugmateEvent> input = events(week);
        // another interleaving of the topics; pair events keep their own order (one partition per user)
        List<PlugmateEvent> others = new ArrayList<>(input.stream().filter(e -> !(e instanceof PairEvent)).toList());
        Collections.shuffle(others, new Random(seed));
        List<PlugmateEvent> pairs = input.stream().filter(e -> e instanceof PairEvent).toList();
        List<PlugmateEvent> shuffled = new ArrayList<>(pairs);
        shuffled.addAll(others);

        assertThat(run(shuffled)).isEqualTo(run(input));
    }

    @Property(tries = 60)
    void nativeEnergyIsTheMeterAndEveryHomeSessionOfThePairedCarIsItsAndCountedOnce(
            @ForAll("weeks") List<Episode> week) {
        List<ResolvedSession> sessions = run(events(week));

        List<ResolvedSession> natives = sessions.stream().filter(s -> s.session().basis() == Basis.CHARGER_METER)
                .toList();
        List<Episode> onWallbox = week.stream().filter(e -> !e.kind().equals("public")).toList();
        assertThat(natives).hasSize(onWallbox.size());
        for (int i = 0; i < natives.size(); i++) {
            Episode e = onWallbox.get(i);
            ResolvedSession s = natives.get(i);
            assertThat(s.session().energyKwh()).isCloseTo(e.kw() * e.minutes() / 60.0, within(1e-6));
            assertThat(s.attribution().status()).isEqualTo(e.kind().equals("home") ? AttributionStatus.ATTRIBUTED
                    : AttributionStatus.GUEST);
        }
        // the car's estimates at home stand behind native sessions; those at public posts count as its own
        long counted = sessions.stream().filter(s -> s.counted(true)).count();
        assertThat(counted).isEqualTo(week.size());
    }

    private static List<ResolvedSession> run(List<PlugmateEvent> input) {
        StatisticsLedger ledger = new StatisticsLedger(StatisticsSettings.defaults());
        input.forEach(ledger::accept);
        return ledger.sessions().stream()
                .sorted(Comparator.comparing((ResolvedSession s) -> s.session().startedAt())
                        .thenComparing(s -> s.session().id()))
                .toList();
    }

    @Provide
    Arbitrary<List<Episode>> weeks() {
        Arbitrary<Episode> episode = net.jqwik.api.Combinators.combine(
                Arbitraries.of("home", "home", "guest", "public"), Arbitraries.integers().between(30, 300),
                Arbitraries.doubles().between(3.5, 11).ofScale(1)).as(
                        (kind, minutes, kw) -> new Episode(kind, 0,
                                minutes, kw));
        // one episode a day at most, starting some time in the evening: no two overlap
        return episode.list().ofMinSize(1).ofMaxSize(7).map(list -> {
            List<Episode> placed = new ArrayList<>();
            for (int d = 0; d < list.size(); d++) {
                Episode e = list.get(d);
                placed.add(new Episode(e.kind(), d * 1440 + 17 * 60 + (d * 37) % 120, e.minutes(), e.kw()));
            }
            return placed;
        });
    }

    /** What the device services and pairing-service would publish for the week. */
    static List<PlugmateEvent> events(List<Episode> week) {
        List<PlugmateEvent> out = new ArrayList<>();
        double meter = 1000;
        for (Episode e : week) {
            Instant start = MONDAY.plus(Duration.ofMinutes(e.startMinute()));
            Instant end = start.plus(Duration.ofMinutes(e.minutes()));
            boolean wallbox = !e.kind().equals("public");
            boolean car = !e.kind().equals("guest");
            for (int m = -6; m <= e.minutes() + 6; m += 2) {
                Instant t = start.plus(Duration.ofMinutes(m));
                boolean charging = m >= 0 && m <= e.minutes();
                if (wallbox) {
                    out.add(new ChargerStateObserved(UUID.randomUUID(), 1, "acme", "u1", t, "c1", "ZAPLINE", t,
                            m >= 0 && m <= e.minutes(), charging, charging ? e.kw() : 0.0, null));
                }
                if (car) {
                    // the car's own clock is a minute off, and it sees the power less its losses
                    Instant ct = t.plusSeconds(60);
                    out.add(new VehicleStateObserved(UUID.randomUUID(), 1, "acme", "u1", ct, "v1", "TESLA", ct,
                            m >= 0 && m <= e.minutes(), charging, charging ? e.kw() * 0.9 : 0.0, 50.0, null));
                }
            }
            if (wallbox) {
                double kwh = e.kw() * e.minutes() / 60.0;
                out.add(new ChargerSessionRecorded(UUID.randomUUID(), 1, "acme", "u1", end, "s-" + e.startMinute(),
                        "c1", "ZAPLINE", start, end, meter, meter + kwh));
                meter += kwh;
            }
            if (e.kind().equals("home")) {
                out.add(new PairActivated(UUID.randomUUID(), 1, "acme", "u1", start.plusSeconds(70), "p1", "v1", "c1",
                        0.8, List.of(new Evidence("plug-in-timing", "both reported plug-in 1 min apart", 0.6))));
                out.add(new PairDeactivated(UUID.randomUUID(), 1, "acme", "u1", end.plusSeconds(30), "p1", "v1", "c1",
                        "vehicle reported unplugged"));
            }
        }
        return out;
    }
}
