package io.plugmate.vehicle.domain;

/** CREATED → STARTED (the user opened the link) → COMPLETED or FAILED; EXPIRED when left too long. */
public enum LinkStatus {
    CREATED,
    STARTED,
    COMPLETED,
    FAILED,
    EXPIRED
}
