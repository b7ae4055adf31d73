package io.plugmate.device;

import java.time.Instant;

/**
 * Where a new report of a device goes against the state kept, by event time (docs/adr/0018 and its amendments). OEMs
 * date reports to the second, so the state's second may hold several reports: the one taken later is the state —
 * except a read taken before a change of plug state and answered after it (a poll read just before an unplug, taken
 * after the unplug's push). Such a report repeats the plug state in force before its second while that second already
 * holds the change; it goes before the change, as pairing's {@code Timeline} orders it, and changes no state at all
 * (no field of it: it is the older reading). A cable is not pulled out and put back within one second.
 */
public enum StateOrder {

    /** Measured after the state kept (or no state kept yet): the device's state from now on. */
    NEWER,
    /** Measured in the state's second, taken later: the state (of a second's reports, the later one). */
    LATER_IN_THE_SECOND,
    /** Measured in the state's second, a read from before the plug change that second holds: changes no state. */
    READ_BEFORE_THE_CHANGE,
    /** Measured before the state kept: a late report, changes no state. */
    LATE;

    /**
     * @param stateAt when the state kept was measured; null: none yet
     * @param pluggedBefore the plug state in force before {@code stateAt}'s second; null: unknown
     * @param plugged the plug state kept (the second's change, if it holds one); null: unknown
     * @param reportAt when the new report was measured
     * @param reportedPlugged the new report's plug state; null: not reported
     */
    static StateOrder of(Instant stateAt, Boolean pluggedBefore, Boolean plugged, Instant reportAt,
            Boolean reportedPlugged) {
        if (stateAt == null || reportAt.isAfter(stateAt)) {
            return NEWER;
        }
        if (reportAt.isBefore(stateAt)) {
            return LATE;
        }
        // a report of unknown plug state takes no part, nor does a second whose earlier plug state is unknown
        boolean secondHoldsAChange = pluggedBefore != null && plugged != null && !plugged.equals(pluggedBefore);
        return secondHoldsAChange && pluggedBefore.equals(reportedPlugged) ? READ_BEFORE_THE_CHANGE
                : LATER_IN_THE_SECOND;
    }
}
