package io.plugmate.vehicle.oem;

import io.plugmate.events.DeviceCommand;

/** Our command kinds in the OEM clouds' words; null for a kind a vehicle cannot take. */
final class OemCommands {

    private OemCommands() {
    }

    static String type(DeviceCommand command) {
        return switch (command.kind()) {
            case START -> "START_CHARGING";
            case STOP -> "STOP_CHARGING";
            case SET_MAX_CURRENT -> command.maxCurrentA() == null ? null : "SET_MAX_CURRENT";
            case SET_MAX_POWER -> null; // kW is converted to A by orchestration, with the charger's phases and voltage
        };
    }
}
