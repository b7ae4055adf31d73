package io.plugmate.vehicle.oem;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceCommand;
import io.plugmate.messaging.CommandLedger;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.link.AccountCredentials;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Executes a vehicle command at most once at the OEM: claim (transaction), call the OEM (no transaction: no database
 * connection waits on a remote cloud), settle and publish the result (transaction).
 */
@ApplicationScoped
public class CommandExecution {

    private final VehicleRepository vehicles;
    private final AccountCredentials credentials;
    private final OemClient oem;
    private final CommandLedger ledger;

    public CommandExecution(VehicleRepository vehicles, AccountCredentials credentials, OemClient oem,
            CommandLedger ledger) {
        this.vehicles = vehicles;
        this.credentials = credentials;
        this.oem = oem;
        this.ledger = ledger;
    }

    public Uni<Void> execute(DeviceCommand command) {
        return Panache.withTransaction(() -> claim(command)).chain(vehicle -> vehicle == null
                ? Uni.createFrom().voidItem()
                : send(command, vehicle).chain(settled -> Panache.withTransaction(() -> ledger.settle(command, settled))));
    }

    /** @return the vehicle to command, or null: a redelivery, or refused and settled here */
    private Uni<VehicleEntity> claim(DeviceCommand command) {
        return ledger.claim(command).chain(first -> !first ? Uni.createFrom().nullItem()
                : vehicles.findOwned(command.clientId(), command.deviceId()).chain(vehicle -> {
                    Settlement refusal = precheck(command, vehicle);
                    return refusal == null ? Uni.createFrom().item(vehicle)
                            : ledger.settle(command, refusal).replaceWith((VehicleEntity) null);
                }));
    }

    private static Settlement precheck(DeviceCommand command, VehicleEntity vehicle) {
        if (vehicle == null) {
            return Settlement.refused(CommandOutcome.REJECTED, "unknown vehicle");
        }
        if (vehicle.accountId == null) {
            return Settlement.refused(CommandOutcome.REJECTED, "vehicle has no linked OEM account");
        }
        if (command.deadline() != null && command.deadline().isBefore(WallClock.now())) {
            return Settlement.refused(CommandOutcome.TIMED_OUT, "deadline passed before the command was sent");
        }
        if (OemCommands.type(command) == null) {
            return Settlement.refused(CommandOutcome.REJECTED, command.kind() + " is not a vehicle command");
        }
        return null;
    }

    private Uni<Settlement> send(DeviceCommand command, VehicleEntity vehicle) {
        return credentials.accessToken(vehicle.accountId)
                .chain(token -> oem.sendCommand(vehicle.vendor, DeviceKind.vehicle, vehicle.vendorVehicleId, token,
                        OemCommands.type(command), command.maxCurrentA()))
                .map(oemId -> new Settlement(CommandOutcome.ACCEPTED, oemId, null))
                .onFailure().recoverWithItem(OemFailures::settlement);
    }
}
