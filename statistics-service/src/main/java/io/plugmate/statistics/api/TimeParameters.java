package io.plugmate.statistics.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRulesException;

import io.plugmate.commons.problem.BadRequestProblem;

/**
 * The time parameters of the statistics endpoints, parsed into what the rules take; anything malformed is a 400 that
 * names the parameter. Dates are ISO-8601: an instant with an offset ({@code 2026-11-24T18:00:00Z}), or a local date
 * or date-time read in the request's zone ({@code 2026-11-24} is that day's start there).
 */
final class TimeParameters {

    private TimeParameters() {
    }

    /**
     * The zone buckets follow: an IANA {@code timezone} (days that last 23 or 25 hours when the clocks change), else a
     * fixed {@code utcOffset} (Enode's: hours such as {@code 2} or {@code -3.5}, or {@code +05:45}), else UTC.
     */
    static ZoneId zone(String utcOffset, String timezone) {
        if (present(utcOffset) && present(timezone)) {
            throw BadRequestProblem.field("timezone", "give either utcOffset or timezone, not both");
        }
        if (present(timezone)) {
            try {
                if (!timezone.contains("/") && !timezone.equals("UTC")) {
                    throw new ZoneRulesException("not a region");
                }
                return ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw BadRequestProblem.field("timezone", "must be an IANA time zone such as Europe/Oslo");
            }
        }
        if (!present(utcOffset)) {
            return ZoneOffset.UTC;
        }
        return offset(utcOffset.trim());
    }

    private static ZoneOffset offset(String value) {
        int seconds;
        try {
            if (value.contains(":")) {
                seconds = ZoneOffset.of(value.startsWith("+") || value.startsWith("-") ? value : "+" + value)
                        .getTotalSeconds();
            } else {
                seconds = new BigDecimal(value).multiply(BigDecimal.valueOf(3600)).intValueExact();
            }
        } catch (RuntimeException e) {
            throw BadRequestProblem.field("utcOffset", "must be hours (e.g. 2 or -3.5) or ±HH:MM");
        }
        if (seconds < -12 * 3600 || seconds > 14 * 3600 || seconds % 900 != 0) {
            throw BadRequestProblem.field("utcOffset", "must be between -12 and +14 hours, in quarter hours");
        }
        return ZoneOffset.ofTotalSeconds(seconds);
    }

    /** @return null when absent */
    static Instant instant(String field, String value, ZoneId zone) {
        if (!present(value)) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException ignored) {
            // not with an offset: a local date-time or date in the request's zone
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeException ignored) {
            // not a local date-time either
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw BadRequestProblem.field(field, "must be an ISO-8601 date or date-time, e.g. 2026-11-24 or "
                    + "2026-11-24T18:00:00Z");
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
