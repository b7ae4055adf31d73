package io.plugmate.orchestration.domain;

import java.util.List;

import io.plugmate.events.FailureReason;

/**
 * Where an action goes and why: the action's own preconditions, every route considered in order of preference, the
 * route taken (null when none) and, for the limit kinds, the current that route will be sent. Exactly one of
 * {@code chosen} and {@code refusal} is set.
 */
public record RoutingDecision(List<Check> preconditions, List<RouteOption> routes, RouteOption chosen,
        CurrentSetting current, FailureReason refusal) {

    public RoutingDecision {
        preconditions = List.copyOf(preconditions);
        routes = List.copyOf(routes);
    }

    public boolean refused() {
        return refusal != null;
    }
}
