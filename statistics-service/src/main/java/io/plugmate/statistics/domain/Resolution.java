package io.plugmate.statistics.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A bucket size. Sub-day buckets are fixed lengths of absolute time aligned to the zone's clock (so a 25-hour day has
 * 25 hourly buckets); day, week (Monday), month and year buckets follow the zone's calendar (a day in a daylight
 * saving zone lasts 23 or 25 hours when the clocks change).
 *
 * @param maxRange the longest range one request may ask for at this resolution (a few hundred buckets at most)
 */
public enum Resolution {
    QUARTER_HOUR(Duration.ofMinutes(15), Duration.ofDays(7)),
    HALF_HOUR(Duration.ofMinutes(30), Duration.ofDays(14)),
    HOUR(Duration.ofHours(1), Duration.ofDays(31)),
    DAY(null, Duration.ofDays(366)),
    WEEK(null, Duration.ofDays(7 * 157)),
    MONTH(null, Duration.ofDays(3 * 366)),
    YEAR(null, Duration.ofDays(20 * 366));

    private final Duration fixed;
    private final Duration maxRange;

    Resolution(Duration fixed, Duration maxRange) {
        this.fixed = fixed;
        this.maxRange = maxRange;
    }

    public Duration maxRange() {
        return maxRange;
    }

    /** The start of the bucket holding {@code t}. */
    public Instant floor(Instant t, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        if (fixed != null) {
            long minutes = fixed.toMinutes();
            long minuteOfDay = local.getHour() * 60L + local.getMinute();
            return local.truncatedTo(ChronoUnit.MINUTES).minusMinutes(minuteOfDay % minutes).toInstant();
        }
        LocalDate date = local.toLocalDate();
        LocalDate start = switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
            default -> throw new IllegalStateException(name());
        };
        return start.atStartOfDay(zone).toInstant();
    }

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    public Instant next(Instant bucketStart, ZoneId zone) {
        if (fixed != null) {
            return bucketStart.plus(fixed);
        }
        LocalDate date = bucketStart.atZone(zone).toLocalDate();
        LocalDate next = switch (this) {
            case DAY -> date.plusDays(1);
            case WEEK -> date.plusWeeks(1);
            case MONTH -> date.plusMonths(1);
            case YEAR -> date.plusYears(1);
            default -> throw new IllegalStateException(name());
        };
        return next.atStartOfDay(zone).toInstant();
    }
}
