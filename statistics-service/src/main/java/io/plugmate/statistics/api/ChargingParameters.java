package io.plugmate.statistics.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.commons.validation.UserIds;
import io.plugmate.statistics.domain.Resolution;

/**
 * The query parameters both statistics endpoints share (Enode's names), for {@code @Valid @BeanParam}: a value of
 * the wrong shape is a 400 naming the parameter.
 */
public class ChargingParameters {

    static final String DEVICE_ID = "[A-Za-z0-9._:@|-]{1,128}";
    static final String DEVICE_ID_MESSAGE = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ | -";

    @QueryParam("type")
    @Parameter(description = "Whose sessions: a vehicle's (attributed to it through a pair, or its own estimates) or a "
            + "charger's (measured on it)", schema = @Schema(enumeration = { "vehicle", "charger" }))
    @Pattern(regexp = "vehicle|charger", message = "must be vehicle or charger")
    String type;

    @QueryParam("id")
    @Parameter(description = "The vehicle's or charger's id; without it, all of that type")
    @Pattern(regexp = DEVICE_ID, message = DEVICE_ID_MESSAGE)
    String id;

    @QueryParam("userId")
    @Parameter(description = "Only this user's sessions")
    @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE)
    String userId;

    @QueryParam("startDate")
    @Parameter(description = "ISO-8601 date or date-time; a date is that day's start in the request's zone", example = "2026-11-24")
    String startDate;

    @QueryParam("endDate")
    @Parameter(description = "ISO-8601 date or date-time, exclusive; default now", example = "2026-11-25")
    String endDate;

    @QueryParam("utcOffset")
    @Parameter(description = "Fixed offset of the buckets' clock: hours (2, -3.5) or ±HH:MM. Default UTC", example = "1")
    String utcOffset;

    @QueryParam("timezone")
    @Parameter(description = "IANA time zone whose calendar the buckets follow, daylight saving included (a day "
            + "lasts 23 or 25 hours when the clocks change). Not together with utcOffset", example = "Europe/Oslo")
    String timezone;

    ZoneId zone() {
        return TimeParameters.zone(utcOffset, timezone);
    }

    /** [startDate, endDate) in the request's zone; both checked. */
    Instant[] range(boolean startRequired) {
        ZoneId zone = zone();
        Instant start = TimeParameters.instant("startDate", startDate, zone);
        if (start == null && startRequired) {
            throw BadRequestProblem.field("startDate", "is required");
        }
        Instant end = TimeParameters.instant("endDate", endDate, zone);
        if (end == null && start != null) {
            end = WallClock.now();
        }
        if (start != null && !end.isAfter(start)) {
            throw BadRequestProblem.field("endDate", "must be after startDate");
        }
        return new Instant[] { start, end };
    }

    static void requireWithin(Resolution resolution, Instant start, Instant end) {
        if (Duration.between(start, end).compareTo(resolution.maxRange()) > 0) {
            throw BadRequestProblem.field("endDate", "at resolution " + resolution + " a range may span at most "
                    + resolution.maxRange().toDays() + " days");
        }
    }

    static String blankToNull(String value) {
        return TimeParameters.present(value) ? value : null;
    }
}
