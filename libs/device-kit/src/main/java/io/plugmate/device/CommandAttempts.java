package io.plugmate.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.CommandTargets.CommandTarget;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceCommand;
import io.plugmate.messaging.CommandLedger;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Sends a claimed command to the OEM until it is taken, refused, or its deadline leaves no time for another attempt,
 * then settles it (docs/adr/0014). Off the consumer: a command waiting out a 429 storm does not hold the partition,
 * so other devices' commands go on. Each attempt carries the command id as the OEM's {@code Idempotency-Key}, so an
 * attempt whose answer never came (the OEM may have taken it) is sent again without a second command at the OEM. The
 * waits are Mutiny's retry ({@code retry().when}) with {@link CommandBackoff}'s delays: the OEM's Retry-After, else
 * exponential back-off with jitter.
 * <p>
 * Durable (docs/adr/0014, revised): every attempt is taken by its number in the command's row
 * ({@code CommandLedger.attempt}, leased for {@link CommandRetryConfig#lease()}) and a failed one writes when the next
 * is due, so that {@link CommandResumption} on any instance makes the next attempt when this one dies; an attempt
 * another instance took first is not made here, and the command is left to it.
 * <p>
 * One device's commands go to its OEM in the order they came: a command waits for the attempt in flight of the
 * device's previous one, and that previous command makes no further attempt (a later command for the device supersedes
 * it; orchestration has cancelled its action): the flag is checked before every attempt, and a back-off wait ends as
 * soon as the later command comes, so it does not wait out the earlier one's back-off either. Across instances too:
 * no attempt is taken once a later command for the device is in the ledger, wherever it was received; the resume
 * round then fails the earlier one as superseded.
 */
@ApplicationScoped
public class CommandAttempts {

    private static final Logger LOG = Logger.getLogger(CommandAttempts.class);

    private final DeviceDirectory devices;
    private final AccountCredentials credentials;
    private final OemClient oem;
    private final CommandLedger ledger;
    private final CommandRetryConfig config;
    private final Vertx vertx;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public CommandAttempts(DeviceDirectory devices, AccountCredentials credentials, OemClient oem, CommandLedger ledger,
            CommandRetryConfig config, Vertx vertx) {
        this.devices = devices;
        this.credentials = credentials;
        this.oem = oem;
        this.ledger = ledger;
        this.config = config;
        this.vertx = vertx;
    }

    /** A device's command in flight: superseded by the device's next command, done when settled. */
    private static final class Lane {
        final UUID commandId;
        final AtomicBoolean superseded = new AtomicBoolean();
        /** Completed with {@link #superseded}: ends a back-off wait at once (the later command waits for this one). */
        final CompletableFuture<Void> supersededNow = new CompletableFuture<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile String lastReason;

        Lane(UUID commandId) {
            this.commandId = commandId;
        }
    }

    /** The OEM was not asked again: no time left before the deadline, or a later command for the device came. */
    private static final class GaveUp extends RuntimeException {
        GaveUp(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The attempt was not ours to take: another instance made it (it resumed the command after our lease ran out), or a
     * later command for the device came to another instance. The command is left to whoever has it, or to the resume
     * round, which fails it as superseded.
     */
    private static final class TakenOver extends RuntimeException {
        TakenOver() {
            super(null, null, false, false);
        }
    }

    /** Whether this instance is sending the command (it needs no resuming here). */
    public boolean sending(UUID commandId) {
        return lanes.values().stream().anyMatch(lane -> lane.commandId.equals(commandId));
    }

    /**
     * Starts sending (after the device's command in flight, if any) and returns at once.
     *
     * @param deadline no attempt starts after it
     * @param made how many attempts were made before (by an instance that died, for a resumed command)
     */
    public void start(DeviceCommand command, CommandTarget target, Instant deadline, int made) {
        String device = target.device().id();
        Lane lane = new Lane(command.commandId());
        Lane previous = lanes.put(device, lane);
        if (previous != null) {
            previous.superseded.set(true);
            previous.supersededNow.complete(null);
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null) : previous.done;
        after.whenComplete((ignored, alsoIgnored) -> onContext.execute(
                () -> attempts(command, target, deadline, new AtomicInteger(made), lane, onContext)
                        .chain(settled -> settled == null ? Uni.createFrom().voidItem()
                                : inTransaction(() -> ledger.settleSending(command, settled), onContext)
                                        .replaceWithVoid())
                        .onTermination().invoke(() -> {
                            lanes.remove(device, lane);
                            lane.done.complete(null);
                        })
                        .subscribe().with(ignoredToo -> {
                        }, failure -> LOG.errorf(failure, "command %s: its result could not be recorded",
                                command.commandId()))));
    }

    /** @return how it ends, or null when another instance took the command over */
    private Uni<Settlement> attempts(DeviceCommand command, CommandTarget target, Instant deadline, AtomicInteger made,
            Lane lane, Executor onContext) {
        return Uni.createFrom().deferred(() -> attempt(command, target, made, lane, onContext)).runSubscriptionOn(onContext)
                .onFailure(OemFailures::retryable).retry().when(failures -> failures.onItem()
                        .transformToUniAndConcatenate(failure -> {
                            int n = made.get();
                            String reason = OemFailures.reason(failure);
                            lane.lastReason = reason;
                            if (lane.superseded.get()) {
                                return Uni.createFrom().failure(new GaveUp("superseded by a later command for the "
                                        + "device after %d attempt(s); the last: %s".formatted(n, reason)));
                            }
                            Instant now = WallClock.now();
                            Duration wait = CommandBackoff.next(n, OemFailures.retryAfter(failure), now, deadline,
                                    config, ThreadLocalRandom.current().nextDouble());
                            if (wait == null) {
                                return Uni.createFrom().failure(new GaveUp("%d attempt(s) before the deadline %s; "
                                        .formatted(n, deadline) + "the last: " + reason));
                            }
                            LOG.debugf("command %s: attempt %d failed (%s), next in %s", command.commandId(), n,
                                    reason, wait);
                            // written before the wait, so that another instance makes the attempt if this one dies;
                            // then an item (a Multi drops null ones): attempt again once it comes
                            return inTransaction(() -> ledger.retryAt(command.commandId(), n, now.plus(wait), reason),
                                    onContext).chain(() -> pause(n, wait, lane));
                        }))
                .map(oemId -> {
                    if (made.get() > 1) {
                        LOG.infof("command %s: the OEM took it at attempt %d", command.commandId(), made.get());
                    }
                    return new Settlement(CommandOutcome.ACCEPTED, oemId, null);
                })
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof TakenOver) {
                        LOG.infof("command %s: attempt %d is not this instance's to make (another instance made it, or "
                                + "a later command for the device came to one); left to the resume round",
                                command.commandId(), made.get() + 1);
                        return null;
                    }
                    return failure instanceof GaveUp ? Settlement.refused(CommandOutcome.FAILED, failure.getMessage())
                            : OemFailures.settlement(failure);
                });
    }

    /**
     * The wait before the next attempt, ended as soon as a later command for the device comes: that command waits for
     * this one, and {@link #attempt} then gives up without asking the OEM (docs/adr/0014: no further attempt).
     */
    private static Uni<Integer> pause(int n, Duration wait, Lane lane) {
        // a dependent stage each time: cancelling the losing branch must not cancel the lane's own future
        return Uni.combine().any().of(Uni.createFrom().item(n).onItem().delayIt().by(wait),
                Uni.createFrom().completionStage(() -> lane.supersededNow.thenApply(ignored -> n)));
    }

    /**
     * Takes the next attempt in the command's row (unless another instance did, or a later command for the device came
     * to another instance), then sends it; none once a later command for the device came here.
     */
    private Uni<String> attempt(DeviceCommand command, CommandTarget target, AtomicInteger made, Lane lane,
            Executor onContext) {
        int n = made.get() + 1;
        if (lane.superseded.get()) {
            return Uni.createFrom().failure(new GaveUp("superseded by a later command for the device after %d "
                    .formatted(n - 1) + "attempt(s)" + (lane.lastReason == null ? "" : "; the last: " + lane.lastReason)));
        }
        return inTransaction(() -> ledger.attempt(command.commandId(), n, WallClock.now().plus(config.lease())),
                onContext).chain(taken -> {
                    if (!taken) {
                        return Uni.createFrom().failure(new TakenOver());
                    }
                    made.set(n);
                    return send(command, target);
                });
    }

    private Uni<String> send(DeviceCommand command, CommandTarget target) {
        LinkedDevice device = target.device();
        return credentials.accessToken(device.accountId())
                .chain(token -> oem.sendCommand(device.vendor(), devices.kind(), device.vendorDeviceId(), token,
                        target.oemType(), target.amps(), command.commandId().toString(), config.attemptTimeout()));
    }

    /** One write to the command's row, on the command's context, tried again while the database is away. */
    private static <T> Uni<T> inTransaction(Supplier<Uni<T>> work, Executor onContext) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work)).runSubscriptionOn(onContext)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).withJitter(0.2)
                .atMost(20);
    }
}
