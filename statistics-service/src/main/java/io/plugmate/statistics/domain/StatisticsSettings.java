package io.plugmate.statistics.domain;

import java.time.Duration;

/**
 * Every number of the session and attribution rules, in one place.
 *
 * @param gapBound between two reports further apart than this, only this much is integrated (at the rate reported
 *        before the silence) and the gap is flagged: telemetry cadence is 20 s – 2.5 min while charging
 * @param splitGap charging reports further apart than this belong to different sessions, and a session's energy
 *        depends only on reports within this distance of it (so a late report changes only its neighbours)
 * @param minOverlap an active pair overlapping a charger session by at least this (or half the session, if shorter)
 *        attributes it: a pair that ended a few minutes into the next car's session does not take that session
 * @param ambiguityLead an ambiguity raised up to this long before a charger session began still concerns it (the
 *        vehicle may report its plug-in before the charger's first plugged-in reading)
 * @param coverShare a vehicle's estimate is the same energy as a charger session attributed to that vehicle when at
 *        least this share of it overlaps
 */
public record StatisticsSettings(Duration gapBound, Duration splitGap, Duration minOverlap, Duration ambiguityLead,
        double coverShare) {

    public static StatisticsSettings defaults() {
        return new StatisticsSettings(Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofMinutes(10),
                Duration.ofMinutes(10), 0.5);
    }
}
