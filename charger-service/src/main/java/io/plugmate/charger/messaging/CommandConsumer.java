package io.plugmate.charger.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.charger.oem.CommandExecution;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.smallrye.mutiny.Uni;

/** Commands for chargers from orchestration; a record that is not a charger command goes to the DLQ. */
@ApplicationScoped
public class CommandConsumer {

    private final CommandExecution execution;

    public CommandConsumer(CommandExecution execution) {
        this.execution = execution;
    }

    @Incoming("charger-commands")
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventJson.read(record, DeviceCommand.class)).chain(command -> {
            if (command.deviceType() != DeviceType.CHARGER || command.commandId() == null || command.kind() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "not a charger command: needs deviceType charger, commandId and kind"));
            }
            return execution.execute(command);
        });
    }
}
