package io.plugmate.vehicle.link;

/** CREATED → STARTED (the user opened the link) → COMPLETED or FAILED; EXPIRED when left too long. */
public enum LinkStatus {
    CREATED,
    STARTED,
    COMPLETED,
    FAILED,
    EXPIRED
}
