package io.plugmate.orchestration.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.orchestration.domain.Plan;
import io.plugmate.orchestration.persistence.ActionEntity;

/** An action's plan with the action's identity, for a support engineer. */
@Schema(name = "ActionPlan", description = "Everything an action went through: each routing decision (at creation, "
        + "before each retry, when its pair ended) with every route considered and each check — capability, "
        + "reachability, pair state and confidence, toggles, electrical data — passed or failed; the current sent and "
        + "how kW became A; each command dispatched and the device service's result; each reported state that "
        + "confirmed or contradicted it; each state change. Every time is Plugmate's clock except observedAt and "
        + "observedAfter, which are the device's own clock.")
public record PlanView(UUID actionId, String targetType, String targetId, CommandKind kind, ActionState state,
        @Schema(description = "When the action FAILS if nothing confirmed it (Plugmate's clock)") Instant deadline,
        @Schema(description = "Where the deadline comes from: the executing device's vendor, or the default", example = "PT10M (default)") String deadlineRule,
        @Schema(description = "Whose reports can confirm it: measured after observedAfter by the device's clock") List<Plan.Watch> watching,
        List<Plan.Decision> decisions,
        List<Plan.Step> steps,
        List<Plan.Observation> observations,
        List<Plan.Transition> transitions) {

    static PlanView of(ActionEntity a) {
        Plan p = a.plan;
        return new PlanView(a.id, a.targetType, a.targetId, a.kind, a.state, p.deadline(), p.deadlineRule(),
                p.watching(), p.decisions(), p.steps(), p.observations(), p.transitions());
    }
}
