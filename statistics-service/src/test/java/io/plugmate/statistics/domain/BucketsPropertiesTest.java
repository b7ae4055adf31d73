package io.plugmate.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Buckets never lose or invent energy, whatever the resolution, the offset or the daylight saving rules. */
class BucketsPropertiesTest {

    /** Around both of 2026's daylight saving changes in Europe (29 March, 25 October) and the US (8 March, 1 Nov). */
    static final Instant SPRING = Instant.parse("2026-03-05T00:00:00Z");
    static final Instant AUTUMN = Instant.parse("2026-10-20T00:00:00Z");

    @Property(tries = 300)
    void theBucketsSumToTheSessionsTotalAtEveryResolutionAndOffset(@ForAll("flows") List<Buckets.Flow> flows,
            @ForAll Resolution resolution, @ForAll("zones") ZoneId zone) {
        Instant from = flows.stream().flatMap(f -> f.profile().slots().stream()).map(EnergyProfile.Slot::start)
                .min(Instant::compareTo).orElse(SPRING);
        Instant to = flows.stream().flatMap(f -> f.profile().slots().stream()).map(s -> s.start().plusSeconds(900))
                .max(Instant::compareTo).orElse(SPRING.plusSeconds(900));
        double total = flows.stream().mapToDouble(f -> f.profile().total()).sum();

        List<Bucket> buckets = Buckets.of(flows, from, to, resolution, zone);

        assertThat(buckets.stream().mapToDouble(Bucket::kwhSum).sum()).isCloseTo(total, within(1e-6));
        for (int i = 1; i < buckets.size(); i++) {
            assertThat(buckets.get(i).start()).isEqualTo(buckets.get(i - 1).end());
        }
        assertThat(buckets).allSatisfy(b -> {
            assertThat(b.kwMin()).isLessThanOrEqualTo(b.kwMean() + 1e-9);
            assertThat(b.kwMean()).isLessThanOrEqualTo(b.kwMax() + 1e-9);
        });
    }

    @Property(tries = 300)
    void splittingASessionAtBucketEdgesLosesNothing(@ForAll("instants") Instant start,
            @ForAll("durations") Duration length, @ForAll("energies") double kwh, @ForAll Resolution resolution,
            @ForAll("zones") ZoneId zone) {
        EnergyProfile profile = EnergyProfile.spread(start, start.plus(length), kwh);

        // from the start of the slot the session begins in: a range that begins later leaves that part out
        Instant from = Instant.ofEpochSecond(EnergyProfile.slotOf(start.getEpochSecond()));
        List<Bucket> buckets = Buckets.of(List.of(new Buckets.Flow("s", profile)), from, start.plus(length)
                .plusSeconds(900), resolution, zone);

        assertThat(profile.total()).isCloseTo(kwh, within(1e-9));
        assertThat(buckets.stream().mapToDouble(Bucket::kwhSum).sum()).isCloseTo(kwh, within(1e-6));
        assertThat(buckets.stream().filter(b -> b.kwhSum() > 0).allMatch(b -> b.sessionCount() == 1)).isTrue();
    }

    @Example
    void aSpringDayInOsloHas23HourlyBucketsAndAnAutumnDay25() {
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        for (var day : List.of(new Object[] { LocalDate.of(2026, 3, 29), 23 },
                new Object[] { LocalDate.of(2026, 10, 25), 25 })) {
            LocalDate date = (LocalDate) day[0];
            Instant from = date.atStartOfDay(oslo).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(oslo).toInstant();
            // one kWh in every hour of the day as it is lived
            EnergyProfile profile = EnergyProfile.spread(from, to, (int) day[1]);

            List<Bucket> hours = Buckets.of(List.of(new Buckets.Flow("s", profile)), from, to, Resolution.HOUR, oslo);
            List<Bucket> days = Buckets.of(List.of(new Buckets.Flow("s", profile)), from, to, Resolution.DAY, oslo);

            assertThat(hours).hasSize((int) day[1]).allSatisfy(h -> assertThat(h.kwhSum()).isCloseTo(1, within(1e-9)));
            assertThat(days).singleElement().satisfies(d -> {
                assertThat(Duration.between(d.start(), d.end())).isEqualTo(Duration.ofHours((int) day[1]));
                assertThat(d.kwhSum()).isCloseTo((int) day[1], within(1e-9));
                assertThat(d.kwMean()).isCloseTo(1.0, within(1e-9));
            });
        }
    }

    @Example
    void daysInTheZoneAreNotDaysAtAFixedOffset() {
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        // 30 minutes of charging right after midnight, local summer time, the day after the change
        Instant start = LocalDate.of(2026, 3, 30).atStartOfDay(oslo).toInstant();
        EnergyProfile profile = EnergyProfile.spread(start, start.plusSeconds(1800), 5);
        Instant from = LocalDate.of(2026, 3, 28).atStartOfDay(oslo).toInstant();
        Instant to = LocalDate.of(2026, 4, 1).atStartOfDay(oslo).toInstant();

        List<Bucket> zoned = Buckets.of(List.of(new Buckets.Flow("s", profile)), from, to, Resolution.DAY, oslo);
        List<Bucket> winterOffset = Buckets.of(List.of(new Buckets.Flow("s", profile)), from, to, Resolution.DAY,
                ZoneOffset.ofHours(1));

        assertThat(zoned.get(2).kwhSum()).isCloseTo(5, within(1e-9));
        assertThat(winterOffset.get(1).kwhSum()).isCloseTo(5, within(1e-9));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        Arbitrary<ZoneId> offsets = Arbitraries.integers().between(-12 * 4, 14 * 4)
                .map(q -> ZoneOffset.ofTotalSeconds(q * 900));
        Arbitrary<ZoneId> named = Arbitraries.of("Europe/Oslo", "America/New_York", "Australia/Adelaide",
                "Asia/Kathmandu", "Australia/Lord_Howe", "UTC").map(ZoneId::of);
        // an offset that is no whole quarter hour cuts slots in two (historical local mean times)
        Arbitrary<ZoneId> odd = Arbitraries.just(ZoneOffset.ofHoursMinutesSeconds(0, 19, 32));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, offsets), net.jqwik.api.Tuple.of(4, named),
                net.jqwik.api.Tuple.of(1, odd));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 40L * 86400), Arbitraries.longs().between(0, 30L * 86400))
                .map(s -> (s % 2 == 0 ? SPRING : AUTUMN).plusSeconds(s));
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.longs().between(0, 40 * 3600).map(Duration::ofSeconds);
    }

    @Provide
    Arbitrary<Double> energies() {
        return Arbitraries.doubles().between(0, 90).ofScale(3);
    }

    @Provide
    Arbitrary<List<Buckets.Flow>> flows() {
        Arbitrary<Buckets.Flow> flow = Combinators.combine(instants(), durations(), energies(),
                Arbitraries.strings().alpha().ofLength(6))
                .as((start, length, kwh, id) -> new Buckets.Flow(id, EnergyProfile.spread(start, start.plus(length),
                        kwh)));
        return flow.list().ofMaxSize(12);
    }
}
