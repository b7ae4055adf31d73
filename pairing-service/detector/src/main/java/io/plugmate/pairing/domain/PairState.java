package io.plugmate.pairing.domain;

/**
 * A pair's state. INACTIVE: both devices linked, not plugged together (as far as detection knows). ACTIVE: the
 * vehicle is plugged into the charger. AMBIGUOUS: this pair is convincing but so is another one sharing a device,
 * so neither is activated. DISSOLVED: a device was unlinked.
 */
public enum PairState {
    INACTIVE,
    ACTIVE,
    AMBIGUOUS,
    DISSOLVED
}
