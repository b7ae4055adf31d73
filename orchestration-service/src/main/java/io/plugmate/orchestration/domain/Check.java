package io.plugmate.orchestration.domain;

/**
 * One thing a route (or the action as a whole) depends on, and what was found: {@code subject} names it
 * ("capability", "reachability", "pair", "toggle command-orchestration", "electrical data", "plugged in"), {@code
 * detail} says what was seen.
 */
public record Check(String subject, boolean passed, String detail, Blocker blocker) {

    /** What a failed check means for the action; a structural blocker makes a route impossible, not just now. */
    public enum Blocker {
        NONE(null, false),
        NOT_CAPABLE(FailureType.NO_CAPABLE_ROUTE, true),
        NO_PAIR(FailureType.NO_CAPABLE_ROUTE, true),
        PAIR_NOT_ACTIVE(FailureType.PAIR_NOT_ACTIVE, false),
        TOGGLE_OFF(FailureType.FEATURE_DISABLED, false),
        UNREACHABLE(FailureType.UNREACHABLE, false),
        NO_ELECTRICAL_DATA(FailureType.ELECTRICAL_DATA_UNKNOWN, false),
        NOT_PLUGGED_IN(FailureType.NOT_PLUGGED_IN, false);

        private final FailureType failure;
        private final boolean structural;

        Blocker(FailureType failure, boolean structural) {
            this.failure = failure;
            this.structural = structural;
        }

        public FailureType failure() {
            return failure;
        }

        public boolean structural() {
            return structural;
        }
    }

    static Check pass(String subject, String detail) {
        return new Check(subject, true, detail, Blocker.NONE);
    }

    static Check fail(String subject, String detail, Blocker blocker) {
        return new Check(subject, false, detail, blocker);
    }

    static Check of(boolean passed, String subject, String detail, Blocker blocker) {
        return passed ? pass(subject, detail) : fail(subject, detail, blocker);
    }
}
