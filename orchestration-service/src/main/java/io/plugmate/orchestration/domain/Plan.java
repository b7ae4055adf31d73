package io.plugmate.orchestration.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceType;

/**
 * Everything an action went through, for a support engineer: each routing decision (at creation and at every re-check)
 * with every route considered, each command dispatched and its result, each reported state that confirmed or
 * contradicted it, each state change. Times are Plugmate's wall clock, except {@code observedAt} and
 * {@code observedAfter}, which are the device's own clock (event time).
 */
public record Plan(Instant deadline, String deadlineRule, List<Watch> watching, List<Decision> decisions,
        List<Step> steps, List<Observation> observations, List<Transition> transitions) {

    public Plan {
        watching = List.copyOf(watching);
        decisions = List.copyOf(decisions);
        steps = List.copyOf(steps);
        observations = List.copyOf(observations);
        transitions = List.copyOf(transitions);
    }

    static Plan empty() {
        return new Plan(null, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Confirmation comes from this device's reports measured after {@code observedAfter} (its clock; null: any). */
    public record Watch(DeviceType deviceType, String deviceId, Instant observedAfter) {
    }

    /** One routing decision: why ({@code trigger}), what it found and what it did ({@code outcome}). */
    public record Decision(Instant decidedAt, String trigger, List<Check> preconditions, List<RouteOption> routes,
            CurrentSetting current, String outcome) {

        static Decision of(Instant at, String trigger, RoutingDecision routing, String outcome) {
            return new Decision(at, trigger, routing.preconditions(), routing.routes(), routing.current(), outcome);
        }
    }

    /** One command sent to one device; {@code result} stays null until the device service answers. */
    public record Step(int attempt, UUID commandId, DeviceType deviceType, String deviceId, String vendor,
            CommandKind kind, Double maxCurrentA, Double maxPowerKw, Instant dispatchedAt, Result result) {

        Step withResult(Result result) {
            return new Step(attempt, commandId, deviceType, deviceId, vendor, kind, maxCurrentA, maxPowerKw,
                    dispatchedAt, result);
        }
    }

    /** What the device service got from the OEM: {@code resultAt} when it said so, {@code receivedAt} when we heard. */
    public record Result(CommandOutcome outcome, String reason, Instant resultAt, Instant receivedAt) {
    }

    /** A reported state of a watched device and what it said about the action. */
    public record Observation(DeviceType deviceType, String deviceId, Instant observedAt, Instant receivedAt,
            Boolean isPluggedIn, Boolean isCharging, Double maxCurrentA, Effect effect) {
    }

    public record Transition(Instant at, ActionState state, String detail) {
    }

    Plan withDeadline(Instant deadline, String rule, List<Watch> watching) {
        return new Plan(deadline, rule, watching, decisions, steps, observations, transitions);
    }

    Plan with(Decision decision) {
        return new Plan(deadline, deadlineRule, watching, append(decisions, decision), steps, observations,
                transitions);
    }

    Plan with(Step step) {
        return new Plan(deadline, deadlineRule, watching, decisions, append(steps, step), observations, transitions);
    }

    Plan with(Observation observation) {
        return new Plan(deadline, deadlineRule, watching, decisions, steps, append(observations, observation),
                transitions);
    }

    Plan with(Transition transition) {
        return new Plan(deadline, deadlineRule, watching, decisions, steps, observations,
                append(transitions, transition));
    }

    Plan withStep(UUID commandId, UnaryOperator<Step> change) {
        return new Plan(deadline, deadlineRule, watching, decisions,
                steps.stream().map(s -> s.commandId().equals(commandId) ? change.apply(s) : s).toList(), observations,
                transitions);
    }

    Step step(UUID commandId) {
        return steps.stream().filter(s -> s.commandId().equals(commandId)).findFirst().orElse(null);
    }

    Step lastStep() {
        return steps.isEmpty() ? null : steps.getLast();
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
