package io.plugmate.simulator.world;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.plugmate.simulator.config.SimulatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Lets simulated time run by itself at {@code speed} × wall time. Off in tests, which advance time explicitly so
 * that nothing depends on how fast the machine is.
 */
@Singleton
public class SimulationTicker {

    private static final Logger LOG = Logger.getLogger(SimulationTicker.class);

    private final SimulatorWorld world;
    private final SimulatorConfig.SimClock clock;
    private ScheduledExecutorService executor;
    private long lastNanos;
    private double carrySeconds;

    public SimulationTicker(SimulatorWorld world, SimulatorConfig config) {
        this.world = world;
        this.clock = config.clock();
    }

    void onStart(@Observes StartupEvent event) {
        if (!clock.tickerEnabled()) {
            return;
        }
        executor = Executors
                .newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("sim-ticker").unstarted(r));
        lastNanos = System.nanoTime();
        long periodMs = Math.max(10, clock.tickInterval().toMillis());
        executor.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        LOG.infof("simulated time runs at %.1fx wall time", clock.speed());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void tick() {
        try {
            long nanos = System.nanoTime();
            // carry sub-millisecond remainders so a slow speed still advances
            carrySeconds += (nanos - lastNanos) / 1e9 * clock.speed();
            lastNanos = nanos;
            long millis = (long) (carrySeconds * 1000);
            if (millis > 0) {
                carrySeconds -= millis / 1000.0;
                world.advance(Duration.ofMillis(millis));
            }
        } catch (RuntimeException e) {
            LOG.error("simulation tick failed", e);
        }
    }
}
