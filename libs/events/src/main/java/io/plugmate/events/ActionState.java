package io.plugmate.events;

public enum ActionState {
    PENDING,
    CONFIRMED,
    FAILED,
    CANCELLED
}
