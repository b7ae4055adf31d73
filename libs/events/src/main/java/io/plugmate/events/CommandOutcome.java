package io.plugmate.events;

public enum CommandOutcome {
    ACCEPTED,
    REJECTED,
    FAILED,
    TIMED_OUT
}
