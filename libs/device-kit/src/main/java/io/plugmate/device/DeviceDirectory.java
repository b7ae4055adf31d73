package io.plugmate.device;

import com.fasterxml.jackson.databind.JsonNode;

import io.plugmate.events.DeviceType;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.smallrye.mutiny.Uni;

/**
 * What a device service tells the shared machinery about its kind of device and how an OEM report becomes an
 * observation: one bean per service (vehicles or chargers). Its devices are read through its {@link DeviceRepository},
 * its accounts' credentials through its {@link AccountCredentials}.
 */
public interface DeviceDirectory {

    DeviceKind kind();

    default DeviceType type() {
        return kind() == DeviceKind.vehicle ? DeviceType.VEHICLE : DeviceType.CHARGER;
    }

    /** The OEM webhook event that carries this kind's reports, e.g. {@code vehicle.state}. */
    default String webhookEvent() {
        return kind().name() + ".state";
    }

    /**
     * Applies one OEM report (webhook or poll) to every linked copy of the device, inside the caller's transaction.
     *
     * @return how many copies took it as a new observation
     * @throws io.plugmate.commons.problem.BadRequestProblem when the report is not one of this kind's
     */
    Uni<Integer> observe(String vendor, JsonNode report);
}
