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
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * At-most-once execution of {@link DeviceCommand}s by their {@code commandId}: a device service claims the id in a
 * transaction before it calls the OEM (a redelivered command finds the claim and is not sent again), and settles it
 * afterwards in another, which also publishes the {@link CommandResult} (key: actionId) through the outbox.
 * <p>
 * A command being sent keeps in its row what its next attempt needs (docs/adr/0014, revised): the command as it came,
 * what its OEM is asked (the caller's {@code target}, opaque here), its deadline, how many attempts were made and when
 * the next is due. Each attempt is taken by its number ({@link #attempt}: only one caller moves a command from n − 1
 * to n attempts) and leases the row; {@link #due} hands out the commands whose next attempt nobody is making (their
 * instance died), {@code for update skip locked}, so that two instances never resume the same one.
 */
@ApplicationScoped
public class CommandLedger {

    private static final String CLAIM = """
            insert into device_command (command_id, action_id, client_id, user_id, device_type, device_id, kind,
                status, received_at)
            values (:id, :action, :client, :user, :type, :device, :kind, 'SENDING', :now) on conflict do nothing""";
    // a late outcome only for a command still ACCEPTED: two instances following it up both may hear it from the OEM
    private static final String CONCLUDE = """
            update device_command set status = :status, reason = :reason, completed_at = :now
            where command_id = :id and status = 'ACCEPTED'""";
    private static final String SETTLE = """
            update device_command set status = :status, oem_command_id = :oem, reason = :reason, completed_at = :now
            where command_id = :id""";

    private static final String SCHEDULE = """
            update device_command set payload = :payload, target = :target, deadline = :deadline, attempts = 0,
                next_attempt_at = :lease where command_id = :id and status = 'SENDING'""";
    private static final String ATTEMPT = """
            update device_command d set attempts = :n, next_attempt_at = :lease, last_error = null
            where d.command_id = :id and d.status = 'SENDING' and d.attempts = :n - 1 and not exists (
                select 1 from device_command later where later.device_id = d.device_id
                and later.device_type = d.device_type and later.client_id = d.client_id
                and later.received_at > d.received_at)""";
    private static final String RETRY_AT = """
            update device_command set next_attempt_at = :at, last_error = :error
            where command_id = :id and status = 'SENDING' and attempts = :n""";
    private static final String SETTLE_SENDING = """
            update device_command set status = :status, oem_command_id = :oem, reason = :reason, completed_at = :now,
                next_attempt_at = null where command_id = :id and status = 'SENDING'""";
    private static final NativeSelect DUE = NativeSelect.of("""
            with due as (
                select command_id from device_command
                where status = 'SENDING' and device_type = :type and next_attempt_at <= :now and payload is not null
                order by next_attempt_at limit :limit for update skip locked)
            update device_command d set next_attempt_at = :lease from due where d.command_id = due.command_id
            returning d.payload, d.target, d.deadline, d.attempts, d.last_error, exists (
                select 1 from device_command later where later.device_id = d.device_id
                and later.device_type = d.device_type and later.client_id = d.client_id
                and later.received_at > d.received_at)""");

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
                .chain(() -> publish(command, settlement));
    }

    private Uni<Void> publish(DeviceCommand command, Settlement settlement) {
        return outbox.publish(Topics.COMMAND_RESULTS,
                (command.actionId() != null ? command.actionId() : command.commandId()).toString(),
                new CommandResult(UUID.randomUUID(), CommandResult.SCHEMA_VERSION, command.clientId(),
                        command.userId(), now(), command.commandId(), command.actionId(), command.deviceType(),
                        command.deviceId(), settlement.outcome(), settlement.reason()));
    }

    /**
     * Inside the claim's transaction: what the command's attempts need, kept so that any instance can make the next
     * one; the first attempt is this caller's until {@code leaseUntil}.
     *
     * @param target what the OEM is asked, in the caller's words (read back by whoever resumes the command)
     * @param deadline no attempt starts after it
     */
    public Uni<Void> schedule(DeviceCommand command, String target, Instant deadline, Instant leaseUntil) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SCHEDULE).setParameter("id", command.commandId())
                .setParameter("payload", EventJson.write(command)).setParameter("target", target)
                .setParameter("deadline", deadline).setParameter("lease", leaseUntil).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Inside a transaction: takes the command's attempt {@code n} (the first is 1), leasing the row until
     * {@code leaseUntil} (no other instance resumes it meanwhile).
     *
     * @return false when the attempt is not the caller's to make: another instance made it, the command is settled,
     *         or a later command for the same device was received since (on another instance: sending this one now
     *         would undo it; {@link #due} hands it out as superseded)
     */
    public Uni<Boolean> attempt(UUID commandId, int n, Instant leaseUntil) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ATTEMPT).setParameter("id", commandId)
                .setParameter("n", n).setParameter("lease", leaseUntil).executeUpdate()).map(taken -> taken == 1);
    }

    /** Inside a transaction: attempt {@code n} failed with {@code error}; the next is due {@code at}. */
    public Uni<Void> retryAt(UUID commandId, int n, Instant at, String error) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RETRY_AT).setParameter("id", commandId)
                .setParameter("n", n).setParameter("at", at).setParameter("error", error).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Inside a transaction: records the outcome of a command being sent and publishes it, unless it is settled already
     * (a second instance that made an attempt after the first's lease ran out settles nothing twice).
     *
     * @return whether this call settled it
     */
    public Uni<Boolean> settleSending(DeviceCommand command, Settlement settlement) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SETTLE_SENDING).setParameter("id", command.commandId())
                .setParameter("status", settlement.outcome().name()).setParameter("oem", settlement.oemCommandId())
                .setParameter("reason", settlement.reason()).setParameter("now", now()).executeUpdate())
                .chain(settled -> settled == 1 ? publish(command, settlement).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    /**
     * A command whose next attempt is due while nobody makes it, as its row keeps it.
     *
     * @param attempts how many attempts were made (the last may have reached the OEM: its answer is unknown when
     *        {@code lastError} is null)
     * @param superseded whether a later command for the same device was received since
     */
    public record Pending(DeviceCommand command, String target, Instant deadline, int attempts, String lastError,
            boolean superseded) {
    }

    /**
     * Inside a transaction: up to {@code limit} commands of the device type whose next attempt was due by {@code now}
     * (their instance died, or stopped), each leased to the caller until {@code leaseUntil}; rows another transaction
     * holds are skipped ({@code for update skip locked}), so two instances never take the same one.
     */
    public Uni<List<Pending>> due(DeviceType deviceType, Instant now, Instant leaseUntil, int limit) {
        return DUE.with("type", deviceType.wireName()).with("now", now).with("lease", leaseUntil).with("limit", limit)
                .list()
                .map(rows -> rows.stream().map(row -> new Pending(EventJson.read((String) row[0], DeviceCommand.class),
                        (String) row[1], NativeSelect.instant(row[2]), ((Number) row[3]).intValue(), (String) row[4],
                        Boolean.TRUE.equals(row[5]))).toList());
    }

    /** A command the OEM accepted and has not finished, to follow up on. */
    public record Open(DeviceCommand command, String oemCommandId) {
    }

    private static final NativeSelect ACCEPTED = NativeSelect.of("""
            update device_command set followed_up_at = :now where command_id in (
                select command_id from device_command
                where status = 'ACCEPTED' and device_type = :type and oem_command_id is not null
                order by followed_up_at asc nulls first, received_at limit :limit for update skip locked)
            returning command_id, action_id, client_id, device_id, kind, oem_command_id, user_id""");

    /**
     * Inside a transaction: accepted commands of one device type to ask the OEM about — those never asked first, then
     * the longest since asked — each marked as asked now. A command that cannot be settled (its device unlinked, its
     * account dead, the OEM failing) so goes to the back instead of holding the front for ever and starving the
     * others; {@code skip locked} lets two instances share the work.
     */
    public Uni<List<Open>> accepted(DeviceType deviceType, int limit) {
        return ACCEPTED.with("type", deviceType.wireName()).with("limit", limit).with("now", now()).list()
                .map(rows -> rows.stream().map(row -> new Open(new DeviceCommand(UUID.randomUUID(),
                        DeviceCommand.SCHEMA_VERSION, (String) row[2], (String) row[6], now(), (UUID) row[0], (UUID) row[1],
                        deviceType, (String) row[3], CommandKind.valueOf((String) row[4]), null, null, null),
                        (String) row[5])).toList());
    }

    /** Inside a transaction: the OEM carried out an accepted command; no news worth an event. */
    public Uni<Void> succeeded(DeviceCommand command) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "update device_command set status = 'SUCCEEDED', completed_at = :now where command_id = :id"
                        + " and status = 'ACCEPTED'")
                .setParameter("now", now()).setParameter("id", command.commandId()).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Inside a transaction: the OEM gave up on an accepted command later ({@code FAILED}) or found it could not be done
     * ({@code REJECTED}); recorded and published as a second {@link CommandResult} — once: false, and nothing
     * published, when the command is no longer ACCEPTED (another instance concluded it first).
     */
    public Uni<Boolean> concluded(DeviceCommand command, CommandOutcome outcome, String reason) {
        Settlement settlement = Settlement.refused(outcome, reason);
        return Panache.getSession().chain(s -> s.createNativeQuery(CONCLUDE).setParameter("id", command.commandId())
                .setParameter("status", outcome.name()).setParameter("reason", reason).setParameter("now", now())
                .executeUpdate())
                .chain(updated -> updated == 1 ? publish(command, settlement).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
