package io.plugmate.device;

import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceCommand;
import io.plugmate.oem.OemConfig.DeviceKind;

/**
 * Our command kinds in the OEM clouds' words, the same for vehicles and chargers. A power limit is never sent as such:
 * orchestration converts kW to A with the charger's phases and voltage (clamped to its range, said so in the plan) and
 * sends {@code SET_MAX_CURRENT}, so a device service needs no supply data of its own to command.
 */
final class OemCommands {

    private OemCommands() {
    }

    /** The OEM's command type, or null when the device cannot take the command as sent. */
    static String type(DeviceCommand command) {
        return switch (command.kind()) {
            case START -> "START_CHARGING";
            case STOP -> "STOP_CHARGING";
            case SET_MAX_CURRENT -> command.maxCurrentA() == null ? null : "SET_MAX_CURRENT";
            case SET_MAX_POWER -> null;
        };
    }

    /** Why {@link #type} is null. */
    static String whyNot(DeviceCommand command, DeviceKind kind) {
        return command.kind() == CommandKind.SET_MAX_POWER
                ? "SET_MAX_POWER is not sent to a " + kind + ": orchestration converts kW to A with the charger's "
                        + "phases and voltage and sends SET_MAX_CURRENT"
                : command.kind() + " without maxCurrentA";
    }
}
