package io.plugmate.charger.oem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.charger.service.CredentialService;
import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.device.CommandTargets;
import io.plugmate.device.DeviceDirectory;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.smallrye.mutiny.Uni;

/** Chargers, as the shared webhook intake, poller, command execution and follow-up (device-kit) see them. */
@ApplicationScoped
public class ChargerDirectory implements DeviceDirectory, CommandTargets {

    private final ChargerRepository chargers;
    private final CredentialService credentials;
    private final Observations observations;
    private final ObjectMapper json;

    public ChargerDirectory(ChargerRepository chargers, CredentialService credentials, Observations observations,
            ObjectMapper json) {
        this.chargers = chargers;
        this.credentials = credentials;
        this.observations = observations;
        this.json = json;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.charger;
    }

    @Override
    public DeviceType type() {
        return DeviceType.CHARGER;
    }

    @Override
    public Uni<List<LinkedDevice>> quietDevices(Instant quietSince, int limit) {
        return chargers.find("accountId is not null and (lastSeen is null or lastSeen < ?1) order by lastSeen asc nulls first",
                quietSince).range(0, limit - 1).list()
                .map(quiet -> quiet.stream().map(ChargerDirectory::linked).toList());
    }

    @Override
    public Uni<LinkedDevice> find(String clientId, String deviceId) {
        return chargers.findOwned(clientId, deviceId).map(v -> v == null ? null : linked(v));
    }

    @Override
    public Uni<CommandTarget> commandTarget(DeviceCommand command) {
        return chargers.findOwned(command.clientId(), command.deviceId()).map(c -> c == null ? null
                : new CommandTarget(linked(c), OemCommands.type(command, c), OemCommands.amps(command, c),
                        OemCommands.whyNot(command, c)));
    }

    @Override
    public Uni<String> accessToken(UUID accountId) {
        return credentials.accessToken(accountId);
    }

    /** Flags the account (and so its chargers' capabilities) until vehicle-service announces a new credential. */
    @Override
    public Uni<Void> credentialRefused(UUID accountId, Instant asked) {
        return credentials.refused(accountId, asked);
    }

    @Override
    public Uni<Integer> observe(String vendor, JsonNode report) {
        return Uni.createFrom().item(() -> read(report)).chain(r -> observations.apply(vendor, r));
    }

    private ChargerReport read(JsonNode node) {
        try {
            ChargerReport report = node == null ? null : json.treeToValue(node, ChargerReport.class);
            if (report == null || report.chargerId() == null || report.observedAt() == null) {
                throw BadRequestProblem.field("report", "needs chargerId and observedAt");
            }
            return report;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadRequestProblem.field("report", "is not a charger report");
        }
    }

    private static LinkedDevice linked(ChargerEntity v) {
        return new LinkedDevice(v.id.toString(), v.accountId, v.vendor, v.vendorChargerId, v.lastSeen);
    }
}
