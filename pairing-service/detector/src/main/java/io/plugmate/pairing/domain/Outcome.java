package io.plugmate.pairing.domain;

import java.util.List;

import io.plugmate.events.PairEvent;

/**
 * What one input changed: the pair transitions (for the history) and the pair events to publish, in order.
 * {@code duplicate} is true when the input was already known and changed nothing.
 */
public record Outcome(List<Transition> transitions, List<PairEvent> events, boolean duplicate) {

    public Outcome {
        transitions = List.copyOf(transitions);
        events = List.copyOf(events);
    }

    public static final Outcome DUPLICATE = new Outcome(List.of(), List.of(), true);
}
