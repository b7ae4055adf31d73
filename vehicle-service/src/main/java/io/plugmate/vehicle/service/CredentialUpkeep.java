package io.plugmate.vehicle.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.plugmate.device.PeriodicRound;
import io.plugmate.vehicle.config.LinkConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Keeps the grants of accounts linked for chargers fresh: charger-service flags its chargers with an intervention as
 * soon as the last token it was given has expired, so this service refreshes such grants ahead of time and announces
 * each new token ({@link CredentialRotations}).
 */
@ApplicationScoped
public class CredentialUpkeep {

    private static final Logger LOG = Logger.getLogger(CredentialUpkeep.class);
    private static final int BATCH = 50;

    private final CredentialService credentials;
    private final LinkConfig config;
    private final Vertx vertx;
    private volatile PeriodicRound rounds;

    public CredentialUpkeep(CredentialService credentials, LinkConfig config, Vertx vertx) {
        this.credentials = credentials;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.credentialUpkeepTick().isZero()) {
            rounds = every(config.credentialUpkeepTick());
        }
    }

    /** Starts the rounds on the Vert.x timer, as at startup; the caller stops them. */
    PeriodicRound every(Duration tick) {
        return PeriodicRound.start(vertx, tick, LOG, "credential upkeep (grants renewed ahead of expiry)",
                this::upkeepOnce);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    /** One round; returns how many grants were renewed. */
    public Uni<Integer> upkeepOnce() {
        return credentials.renewExpiring(config.credentialUpkeepLookahead(), BATCH);
    }
}
