package io.plugmate.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.CommandTargets.CommandTarget;
import io.plugmate.events.CommandOutcome;
import io.plugmate.messaging.CommandLedger;
import io.plugmate.messaging.CommandLedger.Pending;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Durable command retries (docs/adr/0014, revised): at start-up and every {@link CommandRetryConfig#resumeInterval()},
 * the commands of the service's device type whose next attempt is due while no instance makes it — the one making
 * them died between attempts or during one — are taken ({@code CommandLedger.due}, {@code for update skip locked},
 * leased) and continued by {@link CommandAttempts} with the same {@code Idempotency-Key} and the attempts counted so
 * far. A command past its deadline is FAILED with its attempts and the last one's failure, one that a later command for
 * the same device supersedes FAILED as such (sending it now would undo the later one); both are published as any
 * result.
 */
@ApplicationScoped
public class CommandResumption {

    private static final Logger LOG = Logger.getLogger(CommandResumption.class);
    private static final int BATCH = 50;

    private final CommandLedger ledger;
    private final CommandAttempts attempts;
    private final DeviceDirectory devices;
    private final CommandRetryConfig config;
    private final Vertx vertx;
    private volatile PeriodicRound rounds;

    public CommandResumption(CommandLedger ledger, CommandAttempts attempts, DeviceDirectory devices,
            CommandRetryConfig config, Vertx vertx) {
        this.ledger = ledger;
        this.attempts = attempts;
        this.devices = devices;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.resumeInterval().isZero()) {
            rounds = PeriodicRound.start(vertx, config.resumeInterval(), LOG, "command resumption (commands taken)",
                    this::resumeOnce, true);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    /** One round; returns how many commands it took (resumed, or failed past their deadline or superseded). */
    public Uni<Integer> resumeOnce() {
        Instant now = WallClock.now();
        List<Pending> resumed = new ArrayList<>();
        return Panache.withTransaction(() -> ledger.due(devices.type(), now, now.plus(config.lease()), BATCH)
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(pending -> {
                    String ended = ended(pending, now);
                    if (ended == null) {
                        resumed.add(pending);
                        return Uni.createFrom().item(pending);
                    }
                    LOG.infof("command %s: found SENDING after its instance stopped; %s", pending.command().commandId(),
                            ended);
                    return ledger.settleSending(pending.command(), Settlement.refused(CommandOutcome.FAILED, ended))
                            .replaceWith(pending);
                }).collect().asList().map(List::size)))
                .invoke(() -> resumed.forEach(this::resume));
    }

    private void resume(Pending pending) {
        if (attempts.sending(pending.command().commandId())) {
            return; // this instance is waiting for its next attempt: it makes it
        }
        LOG.infof("command %s: resumed after its instance stopped, at attempt %d", pending.command().commandId(),
                pending.attempts() + 1);
        attempts.start(pending.command(), CommandTarget.fromJson(pending.target()), pending.deadline(),
                pending.attempts());
    }

    /** Why a due command is not sent again (its reason as FAILED), or null to resume it. */
    static String ended(Pending pending, Instant now) {
        String last = pending.lastError() != null ? pending.lastError()
                : "no answer recorded (its instance stopped during it: the OEM may have taken the command)";
        if (pending.superseded()) {
            return "superseded by a later command for the device after %d attempt(s); the last: %s"
                    .formatted(pending.attempts(), last);
        }
        if (!pending.deadline().isAfter(now)) {
            return pending.attempts() == 0
                    ? "deadline %s passed before the first attempt: the device service stopped after taking the command"
                            .formatted(pending.deadline())
                    : "%d attempt(s) before the deadline %s; the last: %s; the device service stopped before the next"
                            .formatted(pending.attempts(), pending.deadline(), last);
        }
        return null;
    }
}
