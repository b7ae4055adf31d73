package io.plugmate.orchestration.domain;

import java.time.Instant;
import java.util.UUID;

import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceType;
import io.plugmate.events.FailureReason;
import io.plugmate.events.PairedDevice;

/**
 * An action (Enode semantics): a client's request for one target, PENDING until the device's reported state shows the
 * effect (CONFIRMED), the OEM refuses or the deadline passes (FAILED), or a precondition fails or someone decides
 * otherwise (CANCELLED). {@code route} is where its commands go (null when it never went anywhere); {@code
 * pairedDevice} the other device of the ACTIVE pair it concerns, if any. Changes go through {@link ActionLifecycle}.
 */
public record Action(UUID id, String clientId, String userId, DeviceType targetType, String targetId, CommandKind kind,
        Double maxCurrentA, Double maxPowerKw, ActionState state, FailureReason failureReason, Route route,
        PairedDevice pairedDevice, int attempts, Instant nextAttemptAt, Instant deadline, Plan plan,
        Instant createdAt, Instant updatedAt, Instant completedAt) {

    public boolean pending() {
        return state == ActionState.PENDING;
    }

    /** Enode: a PENDING action of the same kind and value is the same request; anything else replaces it. */
    public boolean sameRequestAs(ActionRequest request) {
        return pending() && kind == request.kind() && targetType == request.targetType()
                && targetId.equals(request.targetId()) && java.util.Objects.equals(maxCurrentA, request.maxCurrentA())
                && java.util.Objects.equals(maxPowerKw, request.maxPowerKw());
    }

    /** Whether this action's commands go to (or it targets) the device. */
    public boolean involves(String deviceId) {
        return targetId.equals(deviceId) || route != null && deviceId.equals(route.deviceId());
    }

    Action with(ActionState state, FailureReason failure, Plan plan, Instant now) {
        boolean ends = state != ActionState.PENDING;
        return new Action(id, clientId, userId, targetType, targetId, kind, maxCurrentA, maxPowerKw, state, failure,
                route, pairedDevice, attempts, ends ? null : nextAttemptAt, deadline, plan, createdAt, now,
                ends ? now : completedAt);
    }

    Action withPlan(Plan plan, Instant now) {
        return new Action(id, clientId, userId, targetType, targetId, kind, maxCurrentA, maxPowerKw, state,
                failureReason, route, pairedDevice, attempts, nextAttemptAt, deadline, plan, createdAt, now,
                completedAt);
    }

    Action withRetry(Instant nextAttemptAt, Plan plan, Instant now) {
        return new Action(id, clientId, userId, targetType, targetId, kind, maxCurrentA, maxPowerKw, state,
                failureReason, route, pairedDevice, attempts, nextAttemptAt, deadline, plan, createdAt, now,
                completedAt);
    }

    Action withAttempt(Route route, int attempts, Plan plan, Instant now) {
        return new Action(id, clientId, userId, targetType, targetId, kind, maxCurrentA, maxPowerKw, state,
                failureReason, route, pairedDevice, attempts, null, deadline, plan, createdAt, now, completedAt);
    }
}
