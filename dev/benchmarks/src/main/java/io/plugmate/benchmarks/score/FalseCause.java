package io.plugmate.benchmarks.score;

/** Why an activation was wrong, as far as the ground truth at its processing time tells. */
public enum FalseCause {
    /** A visitor's car (unknown to the platform) was plugged into the charger. */
    GUEST("guest"),
    /** The vehicle was at a public charger. */
    PUBLIC("public"),
    /** The vehicle was at another wallbox of the household, or another household car at this one. */
    WRONG_PAIR("wrong pair"),
    /** The two had been plugged together, but that had ended (within the hour before). */
    AFTER_UNPLUG("after unplug"),
    OTHER("other");

    private final String label;

    FalseCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
