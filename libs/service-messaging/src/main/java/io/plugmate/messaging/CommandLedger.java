package io.plugmate.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
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
            insert into device_command (command_id, action_id, client_id, user_id, device_type, device_id, kind,
                status, received_at)
            values (:id, :action, :client, :user, :type, :device, :kind, 'SENDING', :now) on conflict do nothing""";
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
                .setParameter("user", command.userId()).setParameter("type", command.deviceType().wireName())
                .setParameter("device", command.deviceId())
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

    /** A command the OEM accepted and has not finished, to follow up on. */
    public record Open(DeviceCommand command, String oemCommandId) {
    }

    private static final String ACCEPTED = """
            update device_command set followed_up_at = :now where command_id in (
                select command_id from device_command
                where status = 'ACCEPTED' and device_type = :type and oem_command_id is not null
                order by followed_up_at asc nulls first, received_at limit :limit for update skip locked)
            returning command_id, action_id, client_id, device_id, kind, oem_command_id, user_id""";

    /**
     * Inside a transaction: accepted commands of one device type to ask the OEM about — those never asked first, then
     * the longest since asked — each marked as asked now. A command that cannot be settled (its device unlinked, its
     * account dead, the OEM failing) so goes to the back instead of holding the front for ever and starving the
     * others; {@code skip locked} lets two instances share the work.
     */
    public Uni<List<Open>> accepted(DeviceType deviceType, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ACCEPTED, Object[].class)
                .setParameter("type", deviceType.wireName()).setParameter("limit", limit)
                .setParameter("now", now()).getResultList())
                .map(rows -> rows.stream().map(row -> new Open(new DeviceCommand(UUID.randomUUID(),
                        DeviceCommand.SCHEMA_VERSION, (String) row[2], (String) row[6], now(), (UUID) row[0], (UUID) row[1],
                        deviceType, (String) row[3], CommandKind.valueOf((String) row[4]), null, null, null),
                        (String) row[5])).toList());
    }

    /** Inside a transaction: the OEM carried out an accepted command; no news worth an event. */
    public Uni<Void> succeeded(DeviceCommand command) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "update device_command set status = 'SUCCEEDED', completed_at = :now where command_id = :id")
                .setParameter("now", now()).setParameter("id", command.commandId()).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Inside a transaction: the OEM gave up on an accepted command later ({@code FAILED}) or found it could not be done
     * ({@code REJECTED}); recorded and published as a second {@link CommandResult}.
     */
    public Uni<Void> concluded(DeviceCommand command, CommandOutcome outcome, String reason) {
        return settle(command, Settlement.refused(outcome, reason));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
