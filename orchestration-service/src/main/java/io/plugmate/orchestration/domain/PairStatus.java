package io.plugmate.orchestration.domain;

/** A pair's state as pairing-service publishes it; only ACTIVE means "plugged into a known vehicle". */
public enum PairStatus {
    /** Established (both devices linked) but not plugged together as far as detection knows. */
    INACTIVE,
    ACTIVE,
    /** As plausible as a rival pair: activated neither. */
    AMBIGUOUS,
    DISSOLVED
}
