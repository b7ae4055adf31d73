package io.plugmate.pairing.domain;

import java.util.List;

import io.plugmate.events.GeoLocation;

/**
 * Where a charger is, learned from the positions of the vehicles plugged into it: the median of the fixes, and how
 * many fixes agree with it. A learned location can be wrong (one mistaken activation teaches a wrong fix), so it
 * speaks only when most fixes agree, and rules a vehicle out only when at least two do: a single bad fix can
 * neither lock the real vehicle out nor survive the next real session.
 */
record LearnedLocation(GeoLocation centre, int agreeing, int fixes, int fixesToRuleOut) {

    /** Fixes agree when they lie within the settings' {@code nearMeters} of the median. */
    static LearnedLocation of(List<GeoLocation> fixes, DetectorSettings.Location settings) {
        GeoLocation centre = Geo.median(fixes);
        if (centre == null) {
            return null;
        }
        int agreeing = (int) fixes.stream().filter(f -> Geo.metersBetween(f, centre) <= settings.nearMeters())
                .count();
        return new LearnedLocation(centre, agreeing, fixes.size(), settings.fixesToRuleOut());
    }

    boolean trusted() {
        return agreeing * 2 > fixes;
    }

    boolean canRuleOut() {
        return trusted() && agreeing >= fixesToRuleOut;
    }
}
