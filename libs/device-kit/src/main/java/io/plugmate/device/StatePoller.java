package io.plugmate.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
 * A device that was asked goes to the back of the line for one cadence, whatever the answer: devices of dead accounts,
 * devices the OEM no longer knows, or ones whose reading failed would otherwise stay the least recently heard from,
 * fill every round and starve the healthy ones behind them. How many were asked within one cadence is bounded by
 * {@code batch-size × cadence / tick}, so the set left out of the query stays small. A reading measured too far in
 * the future is refused like a pushed one ({@link FutureReportProblem}) and does not end the round.
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
    /** When each device was last asked (this instance); entries older than the cadence are dropped each round. */
    private final Map<UUID, Instant> asked = new ConcurrentHashMap<>();
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
        Instant quietSince = now.minus(config.cadence());
        asked.values().removeIf(at -> at.isBefore(quietSince));
        // the database selects the quiet ones not asked lately; rate-limited accounts are skipped here, so fetch spare
        return Panache.withSession(() -> quiet(quietSince, Set.copyOf(asked.keySet()), config.batchSize() * 4))
                .map(quiet -> quiet.stream().map(DeviceEntity::linked)
                        .filter(d -> schedule.due(d.accountId().toString(), d.lastSeen(),
                                config.cadence(), now))
                        .limit(config.batchSize()).toList())
                .invoke(due -> due.forEach(d -> asked.put(UUID.fromString(d.id()), now)))
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::poll)
                        .collect().asList().replaceWith(due.stream().map(LinkedDevice::id).toList()));
    }

    /**
     * {@link DeviceRepository#findQuiet}, without the devices asked within the cadence: the least recently heard from
     * first, but each asked device behind every one not asked yet.
     */
    private Uni<? extends List<? extends DeviceEntity>> quiet(Instant quietSince, Set<UUID> askedLately, int limit) {
        if (askedLately.isEmpty()) {
            return repository.findQuiet(quietSince, limit);
        }
        return repository.find("accountId is not null and (lastSeen is null or lastSeen < ?1) and id not in ?2 "
                + "order by lastSeen asc nulls first", quietSince, askedLately).range(0, limit - 1).list();
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
