package io.plugmate.statistics.domain;

/** Who said the vehicle was on the charger: detection, or a person (a confirmed pair). */
public enum AttributedBy {
    DETECTION,
    CONFIRMED
}
