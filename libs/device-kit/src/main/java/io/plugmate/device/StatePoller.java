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
 * <p>
 * Which devices to ask is claimed in the database ({@link DeviceRepository#claimQuiet}, {@code for update skip
 * locked}), not kept in an instance's memory: with several instances each quiet device is asked by one of them once
 * per cadence, and a 429 one instance met pauses the account for all ({@link DeviceRepository#pausePolling}). A device
 * that was asked goes to the back of the line for one cadence, whatever the answer: devices of dead accounts, devices
 * the OEM no longer knows, or ones whose reading failed would otherwise stay the least recently heard from, fill every
 * round and starve the healthy ones behind them. A reading measured too far in the future is refused like a pushed
 * one ({@link FutureReportProblem}) and does not end the round.
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
    /** This round's 429s, so that the account's other devices claimed in the same round are not asked. */
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
        return pollRound().map(List::size);
    }

    /** One round; returns the ids of the devices asked, in order. */
    public Uni<List<String>> pollRound() {
        Instant now = WallClock.now();
        return Panache.withTransaction(() -> repository.claimQuiet(now.minus(config.cadence()), now,
                now.plus(config.cadence()), config.batchSize()))
                .map(claimed -> claimed.stream().map(DeviceEntity::linked).toList())
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::poll)
                        .collect().asList().replaceWith(due.stream().map(LinkedDevice::id).toList()));
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
                // refused and logged by DeviceObservations; the device waits its turn like any other asked one
                .onFailure(FutureReportProblem.class).recoverWithItem(false)
                .onFailure(OemException.class).recoverWithUni(failure -> {
                    OemException e = (OemException) failure;
                    LOG.debugf("polling device %s: %s", device.id(), e.getMessage());
                    Uni<Boolean> paused = Uni.createFrom().item(false);
                    if (e.status() == 429) {
                        // the same pause for every instance: the account's devices are claimed again after it
                        Instant until = schedule.rateLimited(account, e.retryAfter(), WallClock.now());
                        paused = Panache.withTransaction(() -> repository.pausePolling(device.accountId(), until))
                                .replaceWith(false);
                    }
                    return e.credentialInvalid()
                            ? paused.chain(() -> credentials.refused(device.accountId(), asked))
                                    .onFailure().recoverWithNull().replaceWith(false)
                            : paused.onFailure().recoverWithItem(false);
                });
    }
}
