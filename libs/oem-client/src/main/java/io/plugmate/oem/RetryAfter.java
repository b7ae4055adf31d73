package io.plugmate.oem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An OEM's {@code Retry-After} header (RFC 9110 §10.2.3), on a 429 or a 503: delay-seconds or an HTTP-date. Plain
 * Java, fed the time, so both forms are unit-tested.
 */
public final class RetryAfter {

    /** What an unreadable header means: the OEM wants a pause, and said so badly. */
    static final Duration UNREADABLE = Duration.ofSeconds(60);

    private RetryAfter() {
    }

    /** @return how long to wait from {@code now} (zero for a date already passed), or null without a header */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return UNREADABLE;
            }
        }
    }
}
