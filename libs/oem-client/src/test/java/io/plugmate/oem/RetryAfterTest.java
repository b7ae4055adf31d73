package io.plugmate.oem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), as OEMs send it on a 429 or a 503. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-05T23:00:00Z");

    @Test
    void secondsAreTakenAsTheyAre() {
        assertThat(RetryAfter.parse("2", NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anHttpDateIsTheWaitUntilThen() {
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 23:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 22:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void noHeaderIsNoWishAndNonsenseIsAPause() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isEqualTo(RetryAfter.UNREADABLE);
    }
}
