package io.plugmate.vehicle.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.vehicle.oem.CommandExecution;
import io.smallrye.mutiny.Uni;

/** Commands for vehicles from orchestration; a record that is not a vehicle command goes to the DLQ. */
@ApplicationScoped
public class CommandConsumer {

    private final CommandExecution execution;

    public CommandConsumer(CommandExecution execution) {
        this.execution = execution;
    }

    @Incoming("vehicle-commands")
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventJson.read(record, DeviceCommand.class)).chain(command -> {
            if (command.deviceType() != DeviceType.VEHICLE || command.commandId() == null || command.kind() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "not a vehicle command: needs deviceType vehicle, commandId and kind"));
            }
            return execution.execute(command);
        });
    }
}
