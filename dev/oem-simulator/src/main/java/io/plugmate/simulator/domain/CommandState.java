package io.plugmate.simulator.domain;

public enum CommandState {
    PENDING,
    SUCCEEDED,
    FAILED
}
