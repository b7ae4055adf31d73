package io.plugmate.charger.oem;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.link.ChargerCredentials;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceCommand;
import io.plugmate.messaging.CommandLedger;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Executes a charger command at most once at the OEM: claim (transaction), call the OEM (no transaction: no database
 * connection waits on a remote cloud), settle and publish the result (transaction).
 */
@ApplicationScoped
public class CommandExecution {

    private final ChargerRepository chargers;
    private final ChargerCredentials credentials;
    private final OemClient oem;
    private final CommandLedger ledger;

    public CommandExecution(ChargerRepository chargers, ChargerCredentials credentials, OemClient oem,
            CommandLedger ledger) {
        this.chargers = chargers;
        this.credentials = credentials;
        this.oem = oem;
        this.ledger = ledger;
    }

    public Uni<Void> execute(DeviceCommand command) {
        return Panache.withTransaction(() -> claim(command)).chain(charger -> charger == null
                ? Uni.createFrom().voidItem()
                : send(command, charger).chain(settled -> Panache.withTransaction(() -> ledger.settle(command, settled))));
    }

    /** @return the charger to command, or null: a redelivery, or refused and settled here */
    private Uni<ChargerEntity> claim(DeviceCommand command) {
        return ledger.claim(command).chain(first -> !first ? Uni.createFrom().nullItem()
                : chargers.findOwned(command.clientId(), command.deviceId()).chain(charger -> {
                    Settlement refusal = precheck(command, charger);
                    return refusal == null ? Uni.createFrom().item(charger)
                            : ledger.settle(command, refusal).replaceWith((ChargerEntity) null);
                }));
    }

    private static Settlement precheck(DeviceCommand command, ChargerEntity charger) {
        if (charger == null) {
            return Settlement.refused(CommandOutcome.REJECTED, "unknown charger");
        }
        if (charger.accountId == null) {
            return Settlement.refused(CommandOutcome.REJECTED, "charger has no linked OEM account");
        }
        if (command.deadline() != null && command.deadline().isBefore(WallClock.now())) {
            return Settlement.refused(CommandOutcome.TIMED_OUT, "deadline passed before the command was sent");
        }
        if (OemCommands.type(command, charger) == null) {
            return Settlement.refused(CommandOutcome.REJECTED, OemCommands.whyNot(command, charger));
        }
        return null;
    }

    private Uni<Settlement> send(DeviceCommand command, ChargerEntity charger) {
        return credentials.accessToken(charger.accountId)
                .chain(token -> oem.sendCommand(charger.vendor, DeviceKind.charger, charger.vendorChargerId, token,
                        OemCommands.type(command, charger), OemCommands.amps(command, charger)))
                .map(oemId -> new Settlement(CommandOutcome.ACCEPTED, oemId, null))
                .onFailure().recoverWithItem(OemFailures::settlement);
    }
}
