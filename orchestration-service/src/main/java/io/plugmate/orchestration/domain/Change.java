package io.plugmate.orchestration.domain;

import java.util.List;

/** What one event did to an action: its new value, commands to send, and whether its state changed (to announce). */
public record Change(Action action, List<Dispatch> dispatches, boolean stateChanged) {

    public Change {
        dispatches = List.copyOf(dispatches);
    }

    /** Nothing to send or announce (the plan may have grown). */
    static Change none(Action action) {
        return new Change(action, List.of(), false);
    }

    static Change state(Action action) {
        return new Change(action, List.of(), true);
    }
}
