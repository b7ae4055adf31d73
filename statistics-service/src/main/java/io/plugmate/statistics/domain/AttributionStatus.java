package io.plugmate.statistics.domain;

/** Whose a session is. */
public enum AttributionStatus {
    /** A charger session during an active pair: the pair's vehicle's. */
    ATTRIBUTED,
    /** A charger session during no pair: the charger's (a guest, or a car the platform does not know). */
    GUEST,
    /** A charger session during an ambiguity: no vehicle, but the candidates. */
    AMBIGUOUS,
    /** A vehicle's own estimated session (no charger known): the vehicle's by definition. */
    VEHICLE
}
