package io.plugmate.pairing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a vehicle's clock offset is read from the intervals its episodes allow. */
class VehicleClockTest {

    private static final DetectorSettings.Clock SETTINGS = DetectorSettings.defaults().clock();

    private static VehicleClock.Bound seconds(long low, long high) {
        return new VehicleClock.Bound(low * 1000, high * 1000);
    }

    @Test
    void oneEpisodeTeachesNothing() {
        assertThat(new VehicleClock(List.of(seconds(100, 200))).offset(SETTINGS)).isZero();
    }

    @Test
    void twoAgreeingEpisodesGiveTheSmallestCorrectionBothAllow() {
        assertThat(new VehicleClock(List.of(seconds(89, 200), seconds(120, 190))).offset(SETTINGS))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(new VehicleClock(List.of(seconds(-200, -89), seconds(-190, -120))).offset(SETTINGS))
                .isEqualTo(Duration.ofSeconds(-120));
    }

    @Test
    void episodesThatAllowNoOffsetAtAllCorrectNothing() {
        assertThat(new VehicleClock(List.of(seconds(-30, 40), seconds(-20, 60), seconds(-50, 10))).offset(SETTINGS))
                .isZero();
    }

    @Test
    void twoEquallySupportedOffsetsApartCorrectNothing() {
        assertThat(new VehicleClock(List.of(seconds(100, 120), seconds(110, 130), seconds(300, 320),
                seconds(310, 330))).offset(SETTINGS)).isZero();
    }

    @Test
    void aMinorityOfEpisodesCannotOutvoteTheRest() {
        assertThat(new VehicleClock(List.of(seconds(100, 130), seconds(110, 140), seconds(-10, 10),
                seconds(-5, 20), seconds(0, 30))).offset(SETTINGS)).isZero();
    }

    @Test
    void anEpisodeWhoseIntervalsCannotBothHoldIsNotLearned() {
        VehicleClock clock = VehicleClock.UNKNOWN.learn(at(0), at(10), at(-5), at(1), at(500), at(510), at(700),
                at(701), SETTINGS);
        assertThat(clock.bounds()).isEmpty();
    }

    @Test
    void anEpisodeBoundsTheOffsetByBothItsPlugInAndItsUnplug() {
        // plug-in: the vehicle said unplugged at 100, plugged at 190; the charger unplugged at -100, plugged at 1
        // unplug: the vehicle said plugged at 3690, unplugged at 3780; the charger plugged at 3580, unplugged at 3601
        VehicleClock clock = VehicleClock.UNKNOWN.learn(at(100), at(190), at(-100), at(1), at(3690), at(3780),
                at(3580), at(3601), SETTINGS);
        assertThat(clock.bounds()).containsExactly(seconds(99, 200));
    }

    private static java.time.Instant at(long seconds) {
        return java.time.Instant.parse("2026-03-02T12:00:00Z").plusSeconds(seconds);
    }
}
