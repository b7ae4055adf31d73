package io.plugmate.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.CommandOutcome;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * At-most-once execution of {@link DeviceCommand}s by their {@code commandId}: a device service claims the id in a
 * transaction before it calls the OEM (a redelivered command finds the claim and is not sent again), and settles it
 * afterwards in another, which also publishes the {@link CommandResult} (key: actionId) through the outbox.
 */
@ApplicationScoped
public class CommandLedger {

    private static final String CLAIM = """
            insert into device_command (command_id, action_id, client_id, device_type, device_id, kind, status,
                received_at)
            values (:id, :action, :client, :type, :device, :kind, 'SENDING', :now) on conflict do nothing""";
    private static final String SETTLE = """
            update device_command set status = :status, oem_command_id = :oem, reason = :reason, completed_at = :now
            where command_id = :id""";

    private final Outbox outbox;

    public CommandLedger(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Settlement(CommandOutcome outcome, String oemCommandId, String reason) {

        public static Settlement refused(CommandOutcome outcome, String reason) {
            return new Settlement(outcome, null, reason);
        }
    }

    /** Inside a transaction. @return true the first time; false for a command already claimed */
    public Uni<Boolean> claim(DeviceCommand command) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM).setParameter("id", command.commandId())
                .setParameter("action", command.actionId()).setParameter("client", command.clientId())
                .setParameter("type", command.deviceType().wireName()).setParameter("device", command.deviceId())
                .setParameter("kind", command.kind().name()).setParameter("now", now()).executeUpdate())
                .map(claimed -> claimed == 1);
    }

    /** Inside a transaction: records the outcome and publishes it. */
    public Uni<Void> settle(DeviceCommand command, Settlement settlement) {
        Instant now = now();
        return Panache.getSession().chain(s -> s.createNativeQuery(SETTLE).setParameter("id", command.commandId())
                .setParameter("status", settlement.outcome().name()).setParameter("oem", settlement.oemCommandId())
                .setParameter("reason", settlement.reason()).setParameter("now", now).executeUpdate())
                .chain(() -> outbox.publish(Topics.COMMAND_RESULTS,
                        (command.actionId() != null ? command.actionId() : command.commandId()).toString(),
                        new CommandResult(UUID.randomUUID(), CommandResult.SCHEMA_VERSION, command.clientId(),
                                command.userId(), now, command.commandId(), command.actionId(), command.deviceType(),
                                command.deviceId(), settlement.outcome(), settlement.reason())));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
