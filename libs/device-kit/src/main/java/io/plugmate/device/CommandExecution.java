package io.plugmate.device;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.CommandTargets.CommandTarget;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceCommand;
import io.plugmate.messaging.CommandLedger;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Executes a device command at most once at the OEM: claim (transaction), then {@link CommandAttempts} calls the OEM
 * (no transaction: no database connection waits on a remote cloud; off the consumer: a throttled command does not hold
 * the others back) until it is taken or refused or its deadline leaves no time, and settles and publishes the result
 * (transaction). Which device and what the OEM is asked to do come from the service's {@link CommandTargets}.
 */
@ApplicationScoped
public class CommandExecution {

    private final CommandTargets targets;
    private final DeviceDirectory devices;
    private final CommandAttempts attempts;
    private final CommandLedger ledger;
    private final CommandRetryConfig config;

    public CommandExecution(CommandTargets targets, DeviceDirectory devices, CommandAttempts attempts,
            CommandLedger ledger, CommandRetryConfig config) {
        this.targets = targets;
        this.devices = devices;
        this.attempts = attempts;
        this.ledger = ledger;
        this.config = config;
    }

    /** Completes once the command is claimed (or found a redelivery, or refused); the OEM is asked after. */
    public Uni<Void> execute(DeviceCommand command) {
        Instant now = WallClock.now();
        Instant deadline = command.deadline() != null ? command.deadline() : now.plus(config.withoutDeadline());
        return Panache.withTransaction(() -> claim(command, deadline, now)).invoke(target -> {
            if (target != null) {
                attempts.start(command, target, deadline, 0);
            }
        }).replaceWithVoid();
    }

    /**
     * Claims the command and keeps in its row what its attempts need (so that another instance can resume it if this
     * one dies), the first attempt leased to this instance.
     *
     * @return what to send, or null: a redelivery, or refused and settled here
     */
    private Uni<CommandTarget> claim(DeviceCommand command, Instant deadline, Instant now) {
        return ledger.claim(command).chain(first -> !first ? Uni.createFrom().nullItem()
                : targets.commandTarget(command).chain(target -> {
                    Settlement refusal = precheck(command, target, devices.kind(), now);
                    return refusal == null
                            ? ledger.schedule(command, target.json(), deadline, now.plus(config.lease()))
                                    .replaceWith(target)
                            : ledger.settle(command, refusal).replaceWith((CommandTarget) null);
                }));
    }

    /** Why the command is not sent (the first reason that applies), or null to send it. */
    static Settlement precheck(DeviceCommand command, CommandTarget target, DeviceKind kind, Instant now) {
        if (target == null) {
            return Settlement.refused(CommandOutcome.REJECTED, "unknown " + kind);
        }
        if (target.device().accountId() == null) {
            return Settlement.refused(CommandOutcome.REJECTED, kind + " has no linked OEM account");
        }
        if (command.deadline() != null && command.deadline().isBefore(now)) {
            return Settlement.refused(CommandOutcome.TIMED_OUT, "deadline passed before the command was sent");
        }
        if (target.oemType() == null) {
            return Settlement.refused(CommandOutcome.REJECTED, target.whyNot());
        }
        return null;
    }
}
