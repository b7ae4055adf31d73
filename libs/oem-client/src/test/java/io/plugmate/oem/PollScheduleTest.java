package io.plugmate.oem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aRateLimitedAccountWaitsForRetryAfterAndOthersDoNot() {
        PollSchedule schedule = new PollSchedule();

        schedule.rateLimited("a", Duration.ofSeconds(90), NOW);

        assertThat(schedule.paused("a", NOW.plusSeconds(89))).isTrue();
        assertThat(schedule.paused("a", NOW.plusSeconds(90))).isFalse();
        assertThat(schedule.paused("b", NOW)).isFalse();
    }

    @Test
    void aShorterLaterPauseNeverShortensALongerOne() {
        PollSchedule schedule = new PollSchedule();

        schedule.rateLimited("a", Duration.ofMinutes(10), NOW);
        schedule.rateLimited("a", Duration.ofSeconds(5), NOW.plusSeconds(1));

        assertThat(schedule.paused("a", NOW.plusSeconds(300))).isTrue();
    }

    @Test
    void missingOrAbsurdRetryAfterIsBounded() {
        PollSchedule schedule = new PollSchedule();

        schedule.rateLimited("none", null, NOW);
        schedule.rateLimited("zero", Duration.ZERO, NOW);
        schedule.rateLimited("huge", Duration.ofDays(3), NOW);

        assertThat(schedule.paused("none", NOW.plusSeconds(59))).isTrue();
        assertThat(schedule.paused("zero", NOW.plusMillis(999))).isTrue();
        assertThat(schedule.paused("zero", NOW.plusSeconds(1))).isFalse();
        assertThat(schedule.paused("huge", NOW.plus(Duration.ofHours(1)))).isFalse();
    }

    @Property
    void pausedExactlyUntilRetryAfter(@ForAll @LongRange(min = 1, max = 3600) long retryAfter,
            @ForAll @LongRange(min = 0, max = 7200) long later) {
        PollSchedule schedule = new PollSchedule();
        Instant until = schedule.rateLimited("a", Duration.ofSeconds(retryAfter), NOW);

        assertThat(until).isEqualTo(NOW.plusSeconds(retryAfter));
        assertThat(schedule.paused("a", NOW.plusSeconds(later))).isEqualTo(later < retryAfter);
    }
}
