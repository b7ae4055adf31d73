package io.plugmate.device;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemException;
import io.plugmate.oem.PollSchedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Polling as the fallback to webhooks: every tick, devices not heard from within the cadence are read from their OEM
 * one at a time (sequentially, to stay polite), and each reading goes through the same
 * {@link DeviceDirectory#observe} path as a push. A 429 pauses that account for the OEM's Retry-After.
 */
@ApplicationScoped
public class StatePoller {

    private static final Logger LOG = Logger.getLogger(StatePoller.class);

    private final PollingConfig config;
    private final DeviceRepository<?> repository;
    private final DeviceDirectory devices;
    private final AccountCredentials credentials;
    private final OemClient oem;
    private final Vertx vertx;
    private final PollSchedule schedule = new PollSchedule();
    private volatile PeriodicRound rounds;

    public StatePoller(PollingConfig config, DeviceRepository<?> repository, DeviceDirectory devices,
            AccountCredentials credentials, OemClient oem, Vertx vertx) {
        this.config = config;
        this.repository = repository;
        this.devices = devices;
        this.credentials = credentials;
        this.oem = oem;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            rounds = PeriodicRound.start(vertx, config.tick(), LOG, "polling (devices read)", this::pollOnce);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    /** One round; returns how many devices were read. */
    public Uni<Integer> pollOnce() {
        Instant now = WallClock.now();
        // the database selects the quiet ones; rate-limited accounts are skipped here, so fetch some spare
        return Panache.withSession(() -> repository.findQuiet(now.minus(config.cadence()), config.batchSize() * 4))
                .map(quiet -> quiet.stream().map(DeviceEntity::linked)
                        .filter(d -> schedule.due(d.accountId().toString(), d.lastSeen(),
                                config.cadence(), now))
                        .limit(config.batchSize()).toList())
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::poll)
                        .collect().asList())
                .map(List::size);
    }

    private Uni<Boolean> poll(LinkedDevice device) {
        String account = device.accountId().toString();
        if (schedule.paused(account, WallClock.now())) {
            return Uni.createFrom().item(false);
        }
        Instant asked = WallClock.now();
        return credentials.accessToken(device.accountId())
                .chain(token -> oem.state(device.vendor(), devices.kind(), device.vendorDeviceId(), token))
                .chain(report -> Panache.withTransaction(() -> devices.observe(device.vendor(), report)))
                .replaceWith(true)
                .onFailure(OemException.class).recoverWithUni(failure -> {
                    OemException e = (OemException) failure;
                    LOG.debugf("polling device %s: %s", device.id(), e.getMessage());
                    if (e.status() == 429) {
                        schedule.rateLimited(account, e.retryAfter(), WallClock.now());
                    }
                    return e.credentialInvalid()
                            ? credentials.refused(device.accountId(), asked).onFailure().recoverWithNull()
                                    .replaceWith(false)
                            : Uni.createFrom().item(false);
                });
    }
}
