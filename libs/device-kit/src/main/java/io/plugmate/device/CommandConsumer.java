package io.plugmate.device;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.events.DeviceCommand;
import io.plugmate.events.EventJson;
import io.plugmate.messaging.RetriedInPlace;
import io.smallrye.mutiny.Uni;

/**
 * Commands for the service's devices from orchestration, on the {@value #CHANNEL} channel (each service maps it to its
 * topic, e.g. {@code vehicle-commands}, with a dead-letter queue): a record that is not a command for this device
 * type fails and goes to the DLQ. Idempotent through {@link CommandExecution}'s claim on {@code commandId}.
 */
@ApplicationScoped
public class CommandConsumer {

    public static final String CHANNEL = "device-commands";

    private final CommandExecution execution;
    private final DeviceDirectory devices;

    public CommandConsumer(CommandExecution execution, DeviceDirectory devices) {
        this.execution = execution;
        this.devices = devices;
    }

    @Incoming(CHANNEL)
    @RetriedInPlace
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventJson.read(record, DeviceCommand.class)).chain(command -> {
            if (command.deviceType() != devices.type() || command.commandId() == null || command.kind() == null) {
                String kind = devices.kind().name();
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "not a " + kind + " command: needs deviceType " + kind + ", commandId and kind"));
            }
            return execution.execute(command);
        });
    }
}
