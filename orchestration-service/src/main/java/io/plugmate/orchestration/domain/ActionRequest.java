package io.plugmate.orchestration.domain;

import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceType;

/** What a client asked for: a kind on a target, with a current (A) or a power (kW) for the two limit kinds. */
public record ActionRequest(DeviceType targetType, String targetId, CommandKind kind, Double maxCurrentA,
        Double maxPowerKw) {

    public static ActionRequest charging(DeviceType type, String id, CommandKind startOrStop) {
        return new ActionRequest(type, id, startOrStop, null, null);
    }

    boolean startOrStop() {
        return kind == CommandKind.START || kind == CommandKind.STOP;
    }
}
