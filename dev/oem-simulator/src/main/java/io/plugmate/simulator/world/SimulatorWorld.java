package io.plugmate.simulator.world;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.plugmate.simulator.config.SimulatorConfig;
import io.plugmate.simulator.domain.FleetConfig;
import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.domain.ReportDelivery;

/**
 * The one world of this process. Every access goes through one lock, because the simulation is single-threaded by
 * design; after each mutation the deliveries it produced go to the listeners (webhooks, the recent-report buffer).
 */
@Singleton
public class SimulatorWorld {

    private final FleetSimulation simulation;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<ReportListener> listeners;

    public SimulatorWorld(SimulatorConfig config, Instance<ReportListener> listeners) {
        Instant start = config.clock().start().orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        FleetConfig fleet = FleetConfig.defaults(0, start)
                .withDelivery(config.reports().lateProbability(), config.reports().duplicateProbability())
                .withCommandFailureRate(config.commands().failureRate());
        this.simulation = new FleetSimulation(config.seed(), fleet);
        DemoFleet.populate(simulation, config.demoFleet().households());
        this.listeners = listeners.stream().toList();
    }

    public <T> T read(Function<FleetSimulation, T> query) {
        lock.lock();
        try {
            return query.apply(simulation);
        } finally {
            lock.unlock();
        }
    }

    /** Applies a change at the current simulated instant and publishes what it caused. */
    public <T> T mutate(Function<FleetSimulation, T> change) {
        lock.lock();
        try {
            T result = change.apply(simulation);
            publish(simulation.advanceTo(simulation.now()));
            return result;
        } finally {
            lock.unlock();
        }
    }

    public void run(Consumer<FleetSimulation> change) {
        mutate(sim -> {
            change.accept(sim);
            return null;
        });
    }

    /** Moves simulated time forward; returns the new time. */
    public Instant advance(Duration duration) {
        return mutate(sim -> {
            publish(sim.advanceBy(duration));
            return sim.now();
        });
    }

    private void publish(List<ReportDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<PublishedReport> published = deliveries.stream()
                .map(d -> new PublishedReport(d, simulation.accountOf(d.report().deviceId()).orElseThrow()))
                .toList();
        listeners.forEach(l -> l.onReports(published));
    }
}
