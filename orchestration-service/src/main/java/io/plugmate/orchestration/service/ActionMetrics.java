package io.plugmate.orchestration.service;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.orchestration.domain.Action;
import io.quarkus.runtime.StartupEvent;

/**
 * How actions end, as an operator watches it (issue 14 point 5): {@code plugmate.actions.outcomes}
 * ({@code plugmate_actions_outcomes_total}), one count per action that reached its end, tagged with its {@code kind}
 * ({@code start}, {@code stop}, {@code set_max_current}, {@code set_max_power}), its {@code outcome}
 * ({@code confirmed}, {@code failed}, {@code cancelled}) and the failure's {@code reason} (the failure type in lower
 * case, e.g. {@code oem_refused}, {@code deadline_passed}; {@code none} when confirmed). A vendor whose commands stop
 * confirming shows as a shift from confirmed to failed. Counted when the change is written, inside its transaction (a
 * change retried after a failed commit counts again: rare). kind × outcome without a reason is registered at start,
 * so the confirmed series exist (at 0) before the first action ends.
 */
@ApplicationScoped
public class ActionMetrics {

    static final String NAME = "plugmate.actions.outcomes";

    private final MeterRegistry registry;

    ActionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes StartupEvent startup) {
        for (CommandKind kind : CommandKind.values()) {
            counter(kind, ActionState.CONFIRMED, "none");
        }
    }

    /** Counts {@code action} if this change ended it. */
    void ended(Action action) {
        if (action.state() == ActionState.PENDING) {
            return;
        }
        String reason = action.failureReason() == null || action.failureReason().type() == null ? "none"
                : action.failureReason().type().toLowerCase(Locale.ROOT);
        counter(action.kind(), action.state(), reason).increment();
    }

    private Counter counter(CommandKind kind, ActionState outcome, String reason) {
        return Counter.builder(NAME).description("Actions that ended, by kind, outcome and failure reason")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).tag("reason", reason).register(registry);
    }
}
