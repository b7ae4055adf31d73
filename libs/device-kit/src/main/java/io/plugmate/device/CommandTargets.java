package io.plugmate.device;

import io.plugmate.events.DeviceCommand;
import io.smallrye.mutiny.Uni;

/**
 * What a device service tells {@link CommandExecution} about commanding its devices: one bean per service, next to its
 * {@link DeviceDirectory}. Only the translation into the OEM's words is the service's; the claim, the checks every
 * device shares, the OEM call and the result are {@link CommandExecution}'s.
 */
public interface CommandTargets {

    /**
     * The device a command is for and what its OEM is asked to do.
     *
     * @param oemType the OEM's command type, or null when this device cannot take the command
     * @param amps the current limit sent with the command, if any
     * @param whyNot why the device cannot take the command (read only when {@code oemType} is null)
     */
    record CommandTarget(LinkedDevice device, String oemType, Double amps, String whyNot) {
    }

    /** Inside the claim's transaction: the caller's device for the command, or null (unknown, or another client's). */
    Uni<CommandTarget> commandTarget(DeviceCommand command);
}
