package io.plugmate.pairing.domain;

/**
 * Why an activation ends, and whether that takes it back: {@code withdrawn} when it was never right (a person rejected
 * it or confirmed a rival, a rival as plausible contested it, evidence ruled it out), not when it is merely over (an
 * unplug, detection switched off, a device unlinked). Published as {@code PairDeactivated.withdrawn} (ADR 0010).
 */
record Ending(String reason, boolean withdrawn) {

    static Ending over(String reason) {
        return new Ending(reason, false);
    }

    static Ending withdrawn(String reason) {
        return new Ending(reason, true);
    }
}
