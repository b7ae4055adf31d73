package io.plugmate.device;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.plugmate.events.DeviceCommand;
import io.plugmate.events.EventJson;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Which of the service's devices a command is for and what its OEM is asked to do ({@link OemCommands}), for
 * {@link CommandExecution}: the caller's device only (another client's is as unknown as one that does not exist).
 */
@ApplicationScoped
public class CommandTargets {

    /**
     * The device a command is for and what its OEM is asked to do.
     *
     * @param oemType the OEM's command type, or null when this device cannot take the command
     * @param amps the current limit sent with the command, if any
     * @param whyNot why the device cannot take the command (read only when {@code oemType} is null)
     */
    @RegisterForReflection
    public record CommandTarget(LinkedDevice device, String oemType, Double amps, String whyNot) {

        /** As the command's row keeps it (docs/adr/0014): enough for any instance to send the command again. */
        public String json() {
            try {
                return EventJson.mapper().writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("command target not writable", e);
            }
        }

        /** Read back from {@link #json()}. */
        public static CommandTarget fromJson(String json) {
            try {
                return EventJson.mapper().readValue(json, CommandTarget.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a command target: " + e.getOriginalMessage());
            }
        }
    }

    private final DeviceRepository<?> devices;
    private final DeviceKind kind;

    public CommandTargets(DeviceRepository<?> devices, DeviceDirectory directory) {
        this.devices = devices;
        this.kind = directory.kind();
    }

    /** Inside the claim's transaction: the caller's device for the command, or null (unknown, or another client's). */
    public Uni<CommandTarget> commandTarget(DeviceCommand command) {
        return devices.findOwned(command.clientId(), command.deviceId()).map(device -> device == null ? null
                : new CommandTarget(device.linked(), OemCommands.type(command), command.maxCurrentA(),
                        OemCommands.whyNot(command, kind)));
    }
}
