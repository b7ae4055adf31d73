package io.plugmate.statistics.domain;

import java.util.List;

/**
 * A session with everything decided about it: whose it is (now, and how that changed), whether another measurement
 * of the same energy counts instead, and when its energy flowed.
 *
 * @param supersededBy the session counted instead of this one (native wins over estimated, a charger's estimate over
 *        a vehicle's); null when this one counts
 * @param supersededWithoutNativeBy the same, when native sessions are not served (toggle
 *        {@code native-session-statistics} off)
 * @param profile when the energy flowed; empty when the energy is unknown
 */
public record ResolvedSession(ChargingSession session, Attribution attribution, List<Attribution> history,
        String supersededBy, String supersededWithoutNativeBy, CrossCheck crossCheck, EnergyProfile profile) {

    public ResolvedSession {
        history = List.copyOf(history);
    }

    /** Whether it is counted, given whether native sessions are served to the client. */
    public boolean counted(boolean nativeServed) {
        if (!session.hasEnergy()) {
            return false;
        }
        return nativeServed ? supersededBy == null
                : session.source() == Source.ESTIMATED && supersededWithoutNativeBy == null;
    }
}
