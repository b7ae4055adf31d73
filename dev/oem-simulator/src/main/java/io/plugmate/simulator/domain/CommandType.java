package io.plugmate.simulator.domain;

public enum CommandType {
    START_CHARGING,
    STOP_CHARGING,
    SET_MAX_CURRENT
}
