package io.plugmate.simulator.world;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.plugmate.simulator.domain.OemAccount;
import io.quarkus.runtime.StartupEvent;

/** Prints the demo accounts at start-up, so whoever runs the stack knows what to link. */
@Singleton
public class DemoFleetAnnouncer {

    private static final Logger LOG = Logger.getLogger(DemoFleetAnnouncer.class);

    private final SimulatorWorld world;

    public DemoFleetAnnouncer(SimulatorWorld world) {
        this.world = world;
    }

    void onStart(@Observes StartupEvent event) {
        var accounts = world.read(sim -> sim.accounts());
        var now = world.read(sim -> sim.now());
        LOG.infof("simulated world at %s with %d OEM accounts (also at GET /sandbox/accounts)", now, accounts.size());
        for (OemAccount a : accounts) {
            LOG.infof("  %-8s user=%-24s password=%s vehicles=%s chargers=%s", a.vendor(), a.username(), a.password(),
                    a.vehicleIds(), a.chargerIds());
        }
    }
}
