package io.plugmate.charger.oem;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.device.CommandTargets;
import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.DeviceReport;
import io.plugmate.events.DeviceCommand;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.smallrye.mutiny.Uni;

/**
 * Chargers, as the shared webhook intake, poller and command execution (device-kit) see them. A max-power command
 * becomes a current limit with the charger's own phases and voltage ({@link OemCommands}).
 */
@ApplicationScoped
public class ChargerDirectory implements DeviceDirectory, CommandTargets {

    private final ChargerRepository chargers;
    private final Observations observations;
    private final ObjectMapper json;

    public ChargerDirectory(ChargerRepository chargers, Observations observations, ObjectMapper json) {
        this.chargers = chargers;
        this.observations = observations;
        this.json = json;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.charger;
    }

    @Override
    public Uni<Integer> observe(String vendor, JsonNode report) {
        return Uni.createFrom().item(() -> DeviceReport.read(json, report, ChargerReport.class, kind()))
                .chain(r -> observations.apply(vendor, r));
    }

    @Override
    public Uni<CommandTarget> commandTarget(DeviceCommand command) {
        return chargers.findOwned(command.clientId(), command.deviceId()).map(c -> c == null ? null
                : new CommandTarget(c.linked(), OemCommands.type(command, c), OemCommands.amps(command, c),
                        OemCommands.whyNot(command, c)));
    }
}
