package io.plugmate.vehicle.oem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.device.CommandTargets;
import io.plugmate.device.DeviceDirectory;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.plugmate.vehicle.service.CredentialService;
import io.smallrye.mutiny.Uni;

/** Vehicles, as the shared webhook intake, poller, command execution and follow-up (device-kit) see them. */
@ApplicationScoped
public class VehicleDirectory implements DeviceDirectory, CommandTargets {

    private final VehicleRepository vehicles;
    private final CredentialService credentials;
    private final Observations observations;
    private final ObjectMapper json;

    public VehicleDirectory(VehicleRepository vehicles, CredentialService credentials, Observations observations,
            ObjectMapper json) {
        this.vehicles = vehicles;
        this.credentials = credentials;
        this.observations = observations;
        this.json = json;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.vehicle;
    }

    @Override
    public DeviceType type() {
        return DeviceType.VEHICLE;
    }

    @Override
    public Uni<List<LinkedDevice>> quietDevices(Instant quietSince, int limit) {
        return vehicles.find("accountId is not null and (lastSeen is null or lastSeen < ?1) order by lastSeen asc nulls first",
                quietSince).range(0, limit - 1).list()
                .map(quiet -> quiet.stream().map(VehicleDirectory::linked).toList());
    }

    @Override
    public Uni<LinkedDevice> find(String clientId, String deviceId) {
        return vehicles.findOwned(clientId, deviceId).map(v -> v == null ? null : linked(v));
    }

    @Override
    public Uni<CommandTarget> commandTarget(DeviceCommand command) {
        return vehicles.findOwned(command.clientId(), command.deviceId()).map(v -> v == null ? null
                : new CommandTarget(linked(v), OemCommands.type(command), command.maxCurrentA(),
                        command.kind() + " is not a vehicle command"));
    }

    @Override
    public Uni<String> accessToken(UUID accountId) {
        return credentials.accessToken(accountId);
    }

    @Override
    public Uni<Void> credentialRefused(UUID accountId, Instant asked) {
        return credentials.refused(accountId, asked);
    }

    @Override
    public Uni<Integer> observe(String vendor, JsonNode report) {
        return Uni.createFrom().item(() -> read(report)).chain(r -> observations.apply(vendor, r));
    }

    private VehicleReport read(JsonNode node) {
        try {
            VehicleReport report = node == null ? null : json.treeToValue(node, VehicleReport.class);
            if (report == null || report.vehicleId() == null || report.observedAt() == null) {
                throw BadRequestProblem.field("report", "needs vehicleId and observedAt");
            }
            return report;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestProblem.field("report", "is not a vehicle report");
        }
    }

    private static LinkedDevice linked(VehicleEntity v) {
        return new LinkedDevice(v.id.toString(), v.accountId, v.vendor, v.vendorVehicleId, v.lastSeen);
    }
}
