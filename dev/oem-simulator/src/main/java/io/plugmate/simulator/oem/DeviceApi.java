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

    public DeviceApi(SimulatorWorld world) {
        this.world = world;
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

    public Response command(String accountId, Vendor vendor, DeviceType type, String deviceId, CommandRequest request) {
        get(accountId, type, deviceId);
        CommandRecord command = world.mutate(sim -> sim.submitCommand(deviceId, request.type(), request.maxCurrentA()));
        URI location = URI.create("/oem/" + vendor.name().toLowerCase() + "/api/commands/" + command.id());
        return Response.accepted(command).location(location).build();
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
