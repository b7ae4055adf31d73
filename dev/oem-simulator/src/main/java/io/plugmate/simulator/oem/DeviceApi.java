package io.plugmate.simulator.oem;

import java.net.URI;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.domain.Charger;
import io.plugmate.simulator.domain.CommandRecord;
import io.plugmate.simulator.domain.Device;
import io.plugmate.simulator.domain.DeviceReport;
import io.plugmate.simulator.domain.DeviceType;
import io.plugmate.simulator.domain.OemAccount;
import io.plugmate.simulator.domain.Vehicle;
import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.problem.ProblemException;
import io.plugmate.simulator.world.SimulatorWorld;

/** What vehicle and charger endpoints share: account scoping, state reads and commands. */
@Singleton
public class DeviceApi {

    private final SimulatorWorld world;
    private final IdempotencyKeys keys;

    public DeviceApi(SimulatorWorld world, IdempotencyKeys keys) {
        this.world = world;
        this.keys = keys;
    }

    public OemAccount account(String accountId) {
        return world.read(sim -> sim.account(accountId)).orElseThrow();
    }

    public List<DeviceDto> list(String accountId, DeviceType type) {
        return world.read(sim -> {
            OemAccount account = sim.account(accountId).orElseThrow();
            List<String> ids = type == DeviceType.VEHICLE ? account.vehicleIds() : account.chargerIds();
            return ids.stream().map(id -> dto(sim.device(id).orElseThrow())).toList();
        });
    }

    public DeviceDto get(String accountId, DeviceType type, String deviceId) {
        return world.read(sim -> dto(owned(sim.account(accountId).orElseThrow(), sim.device(deviceId).orElse(null),
                type, deviceId)));
    }

    public DeviceReport state(String accountId, DeviceType type, String deviceId) {
        get(accountId, type, deviceId);
        return world.read(sim -> sim.currentState(deviceId));
    }

    /**
     * Takes a command (202). With an {@code Idempotency-Key} the same request again is answered with the command taken
     * the first time, its current state and {@code Idempotent-Replayed: true}, instead of taking another.
     */
    public Response command(String accountId, Vendor vendor, DeviceType type, String deviceId, CommandRequest request,
            String idempotencyKey) {
        get(accountId, type, deviceId);
        String asked = deviceId + " " + request.type() + " " + request.maxCurrentA();
        IdempotencyKeys.Taken taken = world.mutate(sim -> idempotencyKey == null
                ? new IdempotencyKeys.Taken(sim.submitCommand(deviceId, request.type(), request.maxCurrentA()).id(), false)
                : keys.take(accountId, idempotencyKey, asked,
                        () -> sim.submitCommand(deviceId, request.type(), request.maxCurrentA()).id()));
        CommandRecord command = world.read(sim -> sim.command(taken.commandId()).orElseThrow());
        URI location = URI.create("/oem/" + vendor.name().toLowerCase() + "/api/commands/" + command.id());
        Response.ResponseBuilder accepted = Response.accepted(command).location(location);
        return (taken.replayed() ? accepted.header("Idempotent-Replayed", "true") : accepted).build();
    }

    public CommandRecord commandStatus(String accountId, String commandId) {
        return world.read(sim -> sim.command(commandId)
                .filter(c -> sim.account(accountId).orElseThrow().holds(c.deviceId())))
                .orElseThrow(() -> ProblemException.notFound("command " + commandId + " not found"));
    }

    /** Another account's device is answered exactly like a missing one. */
    private static Device owned(OemAccount account, Device device, DeviceType type, String id) {
        if (device == null || device.type() != type || !account.holds(id)) {
            throw ProblemException.notFound(type.name().toLowerCase() + " " + id + " not found");
        }
        return device;
    }

    private static DeviceDto dto(Device device) {
        return switch (device) {
            case Vehicle v -> DeviceDto.of(v);
            case Charger c -> DeviceDto.of(c);
        };
    }
}
