package io.plugmate.vehicle.oem;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.device.CommandTargets;
import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.DeviceReport;
import io.plugmate.events.DeviceCommand;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.smallrye.mutiny.Uni;

/** Vehicles, as the shared webhook intake, poller and command execution (device-kit) see them. */
@ApplicationScoped
public class VehicleDirectory implements DeviceDirectory, CommandTargets {

    private final VehicleRepository vehicles;
    private final Observations observations;
    private final ObjectMapper json;

    public VehicleDirectory(VehicleRepository vehicles, Observations observations, ObjectMapper json) {
        this.vehicles = vehicles;
        this.observations = observations;
        this.json = json;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.vehicle;
    }

    @Override
    public Uni<Integer> observe(String vendor, JsonNode report) {
        return Uni.createFrom().item(() -> DeviceReport.read(json, report, VehicleReport.class, kind()))
                .chain(r -> observations.apply(vendor, r));
    }

    @Override
    public Uni<CommandTarget> commandTarget(DeviceCommand command) {
        return vehicles.findOwned(command.clientId(), command.deviceId()).map(v -> v == null ? null
                : new CommandTarget(v.linked(), OemCommands.type(command), command.maxCurrentA(),
                        command.kind() + " is not a vehicle command"));
    }
}
