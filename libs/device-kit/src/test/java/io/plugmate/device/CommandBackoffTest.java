package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a command the OEM did not take is sent again: its Retry-After, else exponential back-off with jitter. */
class CommandBackoffTest {

    private static final Instant NOW = Instant.parse("2026-12-05T23:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    private static final CommandRetryConfig CONFIG = new CommandRetryConfig() {
        @Override
        public Duration firstDelay() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration maxDelay() {
            return Duration.ofSeconds(30);
        }

        @Override
        public double jitter() {
            return 0.5;
        }

        @Override
        public Duration attemptTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration withoutDeadline() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration resumeInterval() {
            return Duration.ofSeconds(10);
        }
    };

    @ParameterizedTest(name = "after {0} failed attempt(s): {1} s")
    @CsvSource({ "1, 1", "2, 2", "3, 4", "5, 16", "6, 30", "40, 30" })
    void theBackOffDoublesUpToItsCeiling(int failed, long seconds) {
        assertThat(CommandBackoff.exponential(failed, CONFIG)).isEqualTo(Duration.ofSeconds(seconds));
        // the middle of the jitter's range is the back-off itself
        assertThat(CommandBackoff.next(failed, null, NOW, LATER, CONFIG, 0.5)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void jitterSpreadsEachWaitBetweenHalfAndOneAndAHalfTimesIt() {
        assertThat(CommandBackoff.next(3, null, NOW, LATER, CONFIG, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(CommandBackoff.next(3, null, NOW, LATER, CONFIG, 0.999)).isBetween(Duration.ofMillis(5990),
                Duration.ofSeconds(6));
    }

    @Test
    void theOemsRetryAfterIsHonouredAsItIsWhateverTheAttempt() {
        assertThat(CommandBackoff.next(1, Duration.ofSeconds(2), NOW, LATER, CONFIG, 0.9))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(CommandBackoff.next(7, Duration.ofSeconds(90), NOW, LATER, CONFIG, 0.1))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(CommandBackoff.next(7, Duration.ZERO, NOW, LATER, CONFIG, 0.1)).isEqualTo(Duration.ZERO);
    }

    @Test
    void noAttemptIsMadeThatWouldStartAfterTheDeadline() {
        Instant soon = NOW.plusSeconds(3);
        assertThat(CommandBackoff.next(1, Duration.ofSeconds(2), NOW, soon, CONFIG, 0.5)).isNotNull();
        assertThat(CommandBackoff.next(1, Duration.ofSeconds(3), NOW, soon, CONFIG, 0.5)).isNull();
        assertThat(CommandBackoff.next(3, null, NOW, soon, CONFIG, 0.5)).isNull(); // 4 s
        assertThat(CommandBackoff.next(1, null, soon, soon, CONFIG, 0.5)).isNull();
    }
}
