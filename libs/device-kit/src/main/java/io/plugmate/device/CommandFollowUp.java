package io.plugmate.device;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.plugmate.events.CommandOutcome;
import io.plugmate.messaging.CommandLedger;
import io.plugmate.oem.OemClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * An OEM that accepted a command can still fail it later (device unreachable, nothing plugged in). Accepted commands
 * are asked after, and a late failure is published as a second {@code CommandResult} with the OEM's reason, so
 * orchestration need not wait for its deadline: REJECTED when the OEM found the command could not be done
 * ({@code NOT_PLUGGED_IN}: trying again changes nothing), FAILED when it could not get through
 * ({@code VEHICLE_UNREACHABLE}, {@code CHARGER_OFFLINE}, anything else: worth another attempt). Each round asks the
 * commands never asked first, then those asked longest ago ({@code CommandLedger.accepted}), so commands that cannot be
 * settled go to the back instead of starving the others.
 */
@ApplicationScoped
public class CommandFollowUp {

    private static final Logger LOG = Logger.getLogger(CommandFollowUp.class);
    /** Late OEM failure reasons that say the command cannot be done as things are: nothing plugged in. */
    private static final Set<String> REFUSALS = Set.of("NOT_PLUGGED_IN");

    private final CommandLedger ledger;
    private final DeviceRepository<?> repository;
    private final DeviceDirectory devices;
    private final AccountCredentials credentials;
    private final OemClient oem;
    private final Vertx vertx;
    private final Duration interval;
    private volatile PeriodicRound rounds;

    public CommandFollowUp(CommandLedger ledger, DeviceRepository<?> repository, DeviceDirectory devices,
            AccountCredentials credentials, OemClient oem, Vertx vertx,
            @ConfigProperty(name = "plugmate.commands.follow-up-interval", defaultValue = "10s") Duration interval) {
        this.ledger = ledger;
        this.repository = repository;
        this.devices = devices;
        this.credentials = credentials;
        this.oem = oem;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent startup) {
        if (!interval.isZero()) {
            rounds = PeriodicRound.start(vertx, interval, LOG, "command follow-up (commands settled)",
                    this::followUpOnce);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    /** One round; returns how many accepted commands the OEM has finished since. */
    public Uni<Integer> followUpOnce() {
        return Panache.withTransaction(() -> ledger.accepted(devices.type(), 50))
                .chain(open -> Multi.createFrom().iterable(open).onItem().transformToUniAndConcatenate(this::ask)
                        .collect().asList())
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> ask(CommandLedger.Open open) {
        return Panache.withSession(() -> repository.findOwned(open.command().clientId(), open.command().deviceId()))
                .map(found -> found == null ? null : found.linked())
                .chain(device -> device == null || device.accountId() == null ? Uni.createFrom().item(false)
                        : credentials.accessToken(device.accountId())
                                .chain(token -> oem.commandStatus(device.vendor(), open.oemCommandId(), token))
                                .chain(status -> switch (status.path("state").asText()) {
                                    case "SUCCEEDED" -> Panache.withTransaction(() -> ledger.succeeded(open.command()))
                                            .replaceWith(true);
                                    case "FAILED" -> concludeLate(open, status.path("failureReason").asText("unknown"));
                                    default -> Uni.createFrom().item(false);
                                }))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("follow-up of command %s: %s", open.command().commandId(), failure.getMessage());
                    return false;
                });
    }

    private Uni<Boolean> concludeLate(CommandLedger.Open open, String oemReason) {
        return Panache.withTransaction(() -> ledger.concluded(open.command(), lateOutcome(oemReason),
                "OEM failed the command: " + oemReason)).replaceWith(true);
    }

    /** What an OEM's late failure reason means: a refusal of the command itself, or trouble carrying it out. */
    static CommandOutcome lateOutcome(String oemReason) {
        return REFUSALS.contains(oemReason) ? CommandOutcome.REJECTED : CommandOutcome.FAILED;
    }
}
