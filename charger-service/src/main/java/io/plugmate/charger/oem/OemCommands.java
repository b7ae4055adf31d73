package io.plugmate.charger.oem;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.DeviceCommand;

/**
 * Our command kinds in the OEM clouds' words. A max-power limit becomes a current limit with the charger's own phases
 * and voltage: I = P / (phases × U); without them the command is refused rather than guessed.
 */
final class OemCommands {

    private OemCommands() {
    }

    static String type(DeviceCommand command, ChargerEntity charger) {
        return switch (command.kind()) {
            case START -> "START_CHARGING";
            case STOP -> "STOP_CHARGING";
            case SET_MAX_CURRENT, SET_MAX_POWER -> amps(command, charger) == null ? null : "SET_MAX_CURRENT";
        };
    }

    static Double amps(DeviceCommand command, ChargerEntity charger) {
        return switch (command.kind()) {
            case SET_MAX_CURRENT -> command.maxCurrentA();
            case SET_MAX_POWER -> command.maxPowerKw() == null || charger.phases == null || charger.voltageV == null
                    || charger.phases <= 0 || charger.voltageV <= 0 ? null
                            : Math.floor(command.maxPowerKw() * 1000 / (charger.phases * charger.voltageV));
            default -> null;
        };
    }

    static String whyNot(DeviceCommand command, ChargerEntity charger) {
        if (command.kind() == io.plugmate.events.CommandKind.SET_MAX_POWER) {
            return command.maxPowerKw() == null ? "SET_MAX_POWER without maxPowerKw"
                    : "the charger's phases and voltage are unknown, so kW cannot be converted to A";
        }
        return command.kind() + " without maxCurrentA";
    }
}
