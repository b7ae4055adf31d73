package io.plugmate.orchestration.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceType;
import io.plugmate.events.FailureReason;
import io.plugmate.events.PairedDevice;

/**
 * Every change an action can go through, as pure functions of the action, what happened and Plugmate's clock
 * ({@code now}). Only a PENDING action changes state; anything arriving later is still written into its plan.
 */
public final class ActionLifecycle {

    private ActionLifecycle() {
    }

    /** A new action: CANCELLED at once when routing refused it, else PENDING with its first command. */
    public static Change create(UUID id, String clientId, String userId, RoutingInput in, RoutingDecision routing,
            Policies policies, Instant now) {
        ActionRequest request = in.request();
        PairedDevice paired = pairedDevice(in);
        if (routing.refused()) {
            Plan plan = Plan.empty()
                    .with(Plan.Decision.of(now, "created", routing, "refused: " + routing.refusal().type()))
                    .with(new Plan.Transition(now, ActionState.CANCELLED, routing.refusal().detail()));
            Action action = new Action(id, clientId, userId, request.targetType(), request.targetId(), request.kind(),
                    request.maxCurrentA(), request.maxPowerKw(), ActionState.CANCELLED, routing.refusal(), null,
                    paired, 0, null, null, plan, now, now, now);
            return Change.state(action);
        }
        Route route = Route.of(routing);
        Instant deadline = now.plus(policies.deadlineFor(route.vendor()));
        Plan plan = Plan.empty().withDeadline(deadline, policies.deadlineRule(route.vendor()), watching(in, route))
                .with(Plan.Decision.of(now, "created", routing, "routed " + route.describe()))
                .with(new Plan.Transition(now, ActionState.PENDING, "routed " + route.describe()));
        Action action = new Action(id, clientId, userId, request.targetType(), request.targetId(), request.kind(),
                request.maxCurrentA(), request.maxPowerKw(), ActionState.PENDING, null, route, paired, 0, null,
                deadline, plan, now, now, null);
        Change first = dispatch(action, route, now);
        return new Change(first.action(), first.dispatches(), true);
    }

    /** Ends a PENDING action as CANCELLED (superseded, cancelled by the client, device removed …). */
    public static Change cancel(Action action, FailureReason why, Instant now) {
        return end(action, ActionState.CANCELLED, why, now);
    }

    /** The device service's answer for one of the action's commands. */
    public static Change onResult(Action action, CommandResult result, Policies policies, Instant now) {
        Plan.Step step = action.plan().step(result.commandId());
        if (step == null) {
            return Change.none(action);
        }
        Plan plan = action.plan().withStep(step.commandId(), s -> s.withResult(
                new Plan.Result(result.outcome(), result.reason(), result.occurredAt(), now)));
        Action noted = action.withPlan(plan, now);
        if (!action.pending() || !step.commandId().equals(action.plan().lastStep().commandId())) {
            return Change.none(noted);
        }
        return switch (result.outcome()) {
            case ACCEPTED -> Change.none(noted);
            case REJECTED -> end(noted, ActionState.FAILED,
                    FailureType.OEM_REFUSED.because(orUnknown(result.reason())), now);
            case TIMED_OUT -> end(noted, ActionState.FAILED, FailureType.DEADLINE_PASSED.because(
                    "the command reached the device service after its deadline: " + orUnknown(result.reason())), now);
            case FAILED -> retryOrFail(noted, result.reason(), policies, now);
        };
    }

    private static Change retryOrFail(Action action, String reason, Policies policies, Instant now) {
        if (action.attempts() >= policies.maxAttempts()) {
            return end(action, ActionState.FAILED, FailureType.OEM_FAILED.because("%d attempt(s) failed; the last: %s"
                    .formatted(action.attempts(), orUnknown(reason))), now);
        }
        Instant next = now.plus(policies.backoffAfter(action.attempts()));
        if (!next.isBefore(action.deadline())) {
            // no time for another attempt: the deadline will end it, with this failure as the last word
            return Change.none(action.withPlan(action.plan().with(new Plan.Transition(now, ActionState.PENDING,
                    "transient failure, no time left for a retry before the deadline")), now));
        }
        Plan plan = action.plan().with(new Plan.Transition(now, ActionState.PENDING,
                "transient failure (%s): attempt %d at %s".formatted(orUnknown(reason), action.attempts() + 1, next)));
        return Change.none(action.withRetry(next, plan, now));
    }

    /**
     * A retry is due: re-checked with current facts (toggles, pair, reachability) first. Another route may be taken;
     * when none is possible any more the action is CANCELLED with the reason.
     */
    public static Change onRetryDue(Action action, RoutingDecision recheck, Instant now) {
        if (!action.pending() || action.nextAttemptAt() == null || now.isBefore(action.nextAttemptAt())) {
            return Change.none(action);
        }
        return reroute(action, recheck, "retry", now, recheck.refusal());
    }

    /**
     * The pair the action went through stopped being ACTIVE while it was pending: a charger is never commanded
     * through a pair that is not ACTIVE, so the action is re-checked and, without another route, CANCELLED.
     */
    public static Change onPairEnded(Action action, String pairId, String why, RoutingDecision recheck, Instant now) {
        if (!action.pending() || action.route() == null || !pairId.equals(action.route().pairId())) {
            return Change.none(action);
        }
        FailureReason refusal = recheck.refused()
                ? FailureType.PAIR_DEACTIVATED.because("Pair %s %s while the action was pending. %s".formatted(pairId,
                        why, recheck.refusal().detail()))
                : null;
        return reroute(action, recheck, "pair " + pairId + " " + why, now, refusal);
    }

    private static Change reroute(Action action, RoutingDecision recheck, String trigger, Instant now,
            FailureReason refusal) {
        if (refusal != null) {
            Plan plan = action.plan().with(Plan.Decision.of(now, trigger, recheck, "refused: " + refusal.type()));
            return end(action.withPlan(plan, now), ActionState.CANCELLED, refusal, now);
        }
        Route route = Route.of(recheck);
        Plan plan = action.plan().with(Plan.Decision.of(now, trigger, recheck, "routed " + route.describe()));
        return dispatch(action.withPlan(plan, now), route, now);
    }

    /** A reported state of a device: CONFIRMED when a watched device measured the effect after the action began. */
    public static Change onObservation(Action action, DeviceType type, String deviceId,
            DeviceStatus status, Instant now) {
        if (!action.pending()) {
            return Change.none(action);
        }
        Plan.Watch watch = action.plan().watching().stream()
                .filter(w -> w.deviceType() == type && w.deviceId().equals(deviceId)).findFirst().orElse(null);
        if (watch == null || !status.newerThan(watch.observedAfter())) {
            return Change.none(action);
        }
        Double sent = action.route() == null ? null : action.route().sentCurrentA();
        Effect effect = Effect.of(action.kind(), sent, status);
        if (effect == Effect.SILENT) {
            return Change.none(action);
        }
        Plan plan = action.plan().with(new Plan.Observation(type, deviceId, status.observedAt(), now,
                status.isPluggedIn(), status.isCharging(), status.maxCurrentA(), effect));
        Action noted = action.withPlan(plan, now);
        return effect == Effect.CONFIRMS
                ? end(noted, ActionState.CONFIRMED, null, now,
                        "%s %s reported the effect (measured %s, its clock)".formatted(type.wireName(), deviceId,
                                status.observedAt()))
                : Change.none(noted);
    }

    /** PENDING past its deadline: FAILED, with the last thing the OEM said. */
    public static Change onDeadline(Action action, Instant now) {
        if (!action.pending() || now.isBefore(action.deadline())) {
            return Change.none(action);
        }
        Plan.Step last = action.plan().lastStep();
        String lastWord = last == null || last.result() == null ? "no answer from the device service"
                : "last result " + last.result().outcome()
                        + (last.result().reason() == null ? "" : ": " + last.result().reason());
        return end(action, ActionState.FAILED, FailureType.DEADLINE_PASSED.because(
                "No reported state showed the effect before the deadline %s (%s); %s.".formatted(action.deadline(),
                        action.plan().deadlineRule(), lastWord)),
                now);
    }

    private static Change dispatch(Action action, Route route, Instant now) {
        int attempt = action.attempts() + 1;
        boolean limit = action.kind() == CommandKind.SET_MAX_CURRENT || action.kind() == CommandKind.SET_MAX_POWER;
        CommandKind sent = limit ? CommandKind.SET_MAX_CURRENT : action.kind();
        Dispatch command = new Dispatch(UUID.randomUUID(), route.deviceType(), route.deviceId(), sent,
                route.sentCurrentA(), action.maxPowerKw(), action.deadline());
        Plan plan = action.plan().with(new Plan.Step(attempt, command.commandId(), route.deviceType(),
                route.deviceId(), route.vendor(), sent, command.maxCurrentA(), command.maxPowerKw(), now, null));
        return new Change(action.withAttempt(route, attempt, plan, now), List.of(command), false);
    }

    private static Change end(Action action, ActionState state, FailureReason why, Instant now) {
        return end(action, state, why, now, why == null ? state.name() : why.detail());
    }

    private static Change end(Action action, ActionState state, FailureReason why, Instant now, String detail) {
        if (!action.pending()) {
            return Change.none(action);
        }
        Plan plan = action.plan().with(new Plan.Transition(now, state, detail));
        return Change.state(action.with(state, why, plan, now));
    }

    /** Whose reports can confirm: for start/stop the target and the device executing it, for limits the latter. */
    private static List<Plan.Watch> watching(RoutingInput in, Route route) {
        List<Plan.Watch> watches = new ArrayList<>();
        DeviceFacts executing = route.via() == RouteOption.Via.DIRECT ? in.target() : in.counterpart();
        watches.add(new Plan.Watch(executing.type(), executing.id(), executing.status().observedAt()));
        if (in.request().startOrStop() && executing != in.target()) {
            watches.add(new Plan.Watch(in.target().type(), in.target().id(), in.target().status().observedAt()));
        }
        return watches;
    }

    private static PairedDevice pairedDevice(RoutingInput in) {
        if (in.pair() == null || !in.pair().active()) {
            return null;
        }
        String other = in.pair().otherSide(in.target().id());
        DeviceType otherType = in.target().type() == DeviceType.VEHICLE ? DeviceType.CHARGER : DeviceType.VEHICLE;
        return new PairedDevice(in.pair().pairId(), otherType, other);
    }

    private static String orUnknown(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason;
    }
}
