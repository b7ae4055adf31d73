package io.plugmate.pairing.service;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.events.PairEvent;
import io.plugmate.pairing.domain.Outcome;
import io.quarkus.runtime.StartupEvent;

/**
 * The detector's decisions as an operator watches them (issue 14 point 5): {@code plugmate.pairing.decisions}
 * ({@code plugmate_pairing_decisions_total} in Prometheus), one count per input, tagged with what it decided —
 * {@code established}, {@code activated}, {@code deactivated}, {@code ambiguous}, {@code dissolved} (one per pair
 * event it published), {@code unchanged} (an input that changed no pair) or {@code duplicate} (an input it already
 * had). A sudden rise of {@code ambiguous} or a fall of {@code activated} against the input rate shows a detection
 * problem before users report wrong pairs. Counted inside the input's transaction: an input retried in place after a
 * failed commit counts again (rare; the rates are what matter). Verdicts of people are not the detector's and are not
 * counted. Every outcome is registered at start, so the series exist (at 0) before the first input.
 */
@ApplicationScoped
public class DecisionMetrics {

    static final String NAME = "plugmate.pairing.decisions";
    static final List<String> OUTCOMES = List.of("established", "activated", "deactivated", "ambiguous", "dissolved",
            "unchanged", "duplicate");

    private final MeterRegistry registry;

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes StartupEvent startup) {
        OUTCOMES.forEach(outcome -> counter(outcome));
    }

    void count(Outcome outcome) {
        if (outcome.duplicate()) {
            counter("duplicate").increment();
        } else if (outcome.events().isEmpty()) {
            counter("unchanged").increment();
        }
        for (PairEvent event : outcome.events()) {
            // PairActivated -> activated: the event types are the decisions
            counter(event.type().replaceFirst("^Pair", "").toLowerCase(Locale.ROOT)).increment();
        }
    }

    private Counter counter(String outcome) {
        return Counter.builder(NAME).description("The pairing detector's decisions on its inputs, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
