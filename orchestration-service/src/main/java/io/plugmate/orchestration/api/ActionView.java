package io.plugmate.orchestration.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.events.FailureReason;
import io.plugmate.orchestration.persistence.ActionEntity;

/** The public action, with Enode's field names (architecture §2). */
@Schema(name = "Action", description = "A request to a vehicle or charger. PENDING until the device's reported state "
        + "shows the effect (CONFIRMED), the OEM refuses or the deadline passes (FAILED), or a precondition fails or "
        + "another action replaces it (CANCELLED, also at creation when the precondition is already known to fail). "
        + "How it was routed and why: GET /actions/{id}/plan.")
public record ActionView(
        @Schema(example = "4f6b1d2e-8c3a-4e5f-9a7b-1c2d3e4f5a6b") UUID id,
        @Schema(example = "hh-0002") String userId,
        @Schema(example = "5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70") String targetId,
        @Schema(enumeration = {
                "vehicle", "charger" }) String targetType,
        CommandKind kind,
        ActionState state,
        @Schema(description = "For SET_MAX_CURRENT / SET_MAX_POWER: what was asked") TargetSettings targetSettings,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "When it reached CONFIRMED, FAILED or CANCELLED") Instant completedAt,
        @Schema(description = "Why it FAILED or was CANCELLED; null otherwise. Types: NOT_PLUGGED_IN, UNREACHABLE, "
                + "NO_CAPABLE_ROUTE, PAIR_NOT_ACTIVE, FEATURE_DISABLED, ELECTRICAL_DATA_UNKNOWN, PAIR_DEACTIVATED, "
                + "DEVICE_REMOVED, SUPERSEDED, CANCELLED_BY_CLIENT, OEM_REFUSED, OEM_FAILED, DEADLINE_PASSED") FailureReason failureReason){

    /** What a limit action asked for; the current actually sent (after conversion and clamping) is in the plan. */
    public record TargetSettings(@Schema(description = "A", example = "16") Double maxCurrent,
            @Schema(description = "kW", example = "7.4") Double maxPowerKw) {
    }

    static ActionView of(ActionEntity a) {
        TargetSettings settings = a.maxCurrentA == null && a.maxPowerKw == null ? null
                : new TargetSettings(a.maxCurrentA, a.maxPowerKw);
        FailureReason failure = a.failureType == null ? null : new FailureReason(a.failureType, a.failureDetail);
        return new ActionView(a.id, a.userId, a.targetId, a.targetType, a.kind, a.state, settings, a.createdAt,
                a.updatedAt, a.completedAt, failure);
    }
}
