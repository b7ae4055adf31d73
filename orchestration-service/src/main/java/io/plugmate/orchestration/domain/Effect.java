package io.plugmate.orchestration.domain;

import io.plugmate.events.CommandKind;

/** What one reported state says about an action: it shows the effect, it shows the opposite, or it says nothing. */
public enum Effect {
    CONFIRMS,
    CONTRADICTS,
    SILENT;

    /**
     * A current limit counts as applied within 1 A: OEMs keep whole amps (10.7 A asked, 10 A reported) and the action
     * never asks for less than its rounding.
     */
    static final double CURRENT_TOLERANCE_A = 1.0;

    /** @param sentCurrentA the current the command carried, for the limit kinds */
    public static Effect of(CommandKind kind, Double sentCurrentA, DeviceStatus status) {
        return switch (kind) {
            case START -> status.isCharging() == null ? SILENT : status.isCharging() ? CONFIRMS : CONTRADICTS;
            case STOP -> status.isCharging() == null ? SILENT : status.isCharging() ? CONTRADICTS : CONFIRMS;
            case SET_MAX_CURRENT, SET_MAX_POWER -> status.maxCurrentA() == null || sentCurrentA == null ? SILENT
                    : Math.abs(status.maxCurrentA() - sentCurrentA) < CURRENT_TOLERANCE_A ? CONFIRMS : CONTRADICTS;
        };
    }
}
