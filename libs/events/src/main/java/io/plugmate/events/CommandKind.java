package io.plugmate.events;

public enum CommandKind {
    START,
    STOP,
    SET_MAX_CURRENT,
    SET_MAX_POWER
}
