package io.plugmate.benchmarks.score;

/** Why a session got no activation of its pair, in the order the scorer checks. */
public enum MissCause {
    /** The pair was still active from an earlier session: its unplug was missed, so nothing new was activated. */
    STILL_ACTIVE("still active from before"),
    /** Another pair holding the vehicle or the charger was active during the session. */
    DEVICE_HELD("device held by another pair"),
    /** The pair or a rival was AMBIGUOUS during the session. */
    AMBIGUOUS("ambiguous"),
    /** Activated, but only after the unplug (plus slack). */
    TOO_LATE("activated after unplug"),
    /** The vehicle or the charger never reported being plugged in during the session. */
    NOT_REPORTED("plug-in not reported"),
    /** Both reported the plug-in, nothing was convincing enough. */
    NOT_CONVINCING("not convincing");

    private final String label;

    MissCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
