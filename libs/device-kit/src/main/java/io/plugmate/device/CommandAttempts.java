package io.plugmate.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * One device's commands go to its OEM in the order they came: a command waits for the attempt in flight of the
 * device's previous one, and that previous command makes no further attempt (a later command for the device supersedes
 * it; orchestration has cancelled its action). In memory: a command whose service dies between attempts stays SENDING
 * in the ledger and its action fails at its deadline.
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
        final AtomicBoolean superseded = new AtomicBoolean();
        final CompletableFuture<Void> done = new CompletableFuture<>();
    }

    /** The OEM was not asked again: no time left before the deadline, or a later command for the device came. */
    private static final class GaveUp extends RuntimeException {
        GaveUp(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Starts sending (after the device's command in flight, if any) and returns at once. */
    public void start(DeviceCommand command, CommandTarget target) {
        String device = target.device().id();
        Lane lane = new Lane();
        Lane previous = lanes.put(device, lane);
        if (previous != null) {
            previous.superseded.set(true);
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null) : previous.done;
        after.whenComplete((ignored, alsoIgnored) -> onContext.execute(() -> attempts(command, target, lane, onContext)
                .chain(settled -> settle(command, settled, onContext))
                .onTermination().invoke(() -> {
                    lanes.remove(device, lane);
                    lane.done.complete(null);
                })
                .subscribe().with(ignoredToo -> {
                }, failure -> LOG.errorf(failure, "command %s: its result could not be recorded",
                        command.commandId()))));
    }

    private Uni<Settlement> attempts(DeviceCommand command, CommandTarget target, Lane lane, Executor onContext) {
        Instant deadline = command.deadline() != null ? command.deadline()
                : WallClock.now().plus(config.withoutDeadline());
        AtomicInteger failed = new AtomicInteger();
        return Uni.createFrom().deferred(() -> send(command, target)).runSubscriptionOn(onContext)
                .onFailure(OemFailures::retryable).retry().when(failures -> failures.onItem()
                        .transformToUniAndConcatenate(failure -> {
                            int n = failed.incrementAndGet();
                            if (lane.superseded.get()) {
                                return Uni.createFrom().failure(new GaveUp("superseded by a later command for the "
                                        + "device after %d attempt(s); the last: %s".formatted(n,
                                                OemFailures.reason(failure))));
                            }
                            Duration wait = CommandBackoff.next(n, OemFailures.retryAfter(failure), WallClock.now(),
                                    deadline, config, ThreadLocalRandom.current().nextDouble());
                            if (wait == null) {
                                return Uni.createFrom().failure(new GaveUp("%d attempt(s) before the deadline %s; "
                                        .formatted(n, deadline) + "the last: " + OemFailures.reason(failure)));
                            }
                            LOG.debugf("command %s: attempt %d failed (%s), next in %s", command.commandId(), n,
                                    OemFailures.reason(failure), wait);
                            // an item (a Multi drops null ones): attempt again once it comes
                            return Uni.createFrom().item(n).onItem().delayIt().by(wait);
                        }))
                .map(oemId -> {
                    if (failed.get() > 0) {
                        LOG.infof("command %s: the OEM took it after %d failed attempt(s)", command.commandId(),
                                failed.get());
                    }
                    return new Settlement(CommandOutcome.ACCEPTED, oemId, null);
                })
                .onFailure().recoverWithItem(failure -> failure instanceof GaveUp
                        ? Settlement.refused(CommandOutcome.FAILED, failure.getMessage())
                        : OemFailures.settlement(failure));
    }

    private Uni<String> send(DeviceCommand command, CommandTarget target) {
        LinkedDevice device = target.device();
        return credentials.accessToken(device.accountId())
                .chain(token -> oem.sendCommand(device.vendor(), devices.kind(), device.vendorDeviceId(), token,
                        target.oemType(), target.amps(), command.commandId().toString(), config.attemptTimeout()));
    }

    /** Recorded and published in one transaction, tried again while the database is away. */
    private Uni<Void> settle(DeviceCommand command, Settlement settled, Executor onContext) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> ledger.settle(command, settled)))
                .runSubscriptionOn(onContext).onFailure().retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).withJitter(0.2).atMost(20);
    }
}
