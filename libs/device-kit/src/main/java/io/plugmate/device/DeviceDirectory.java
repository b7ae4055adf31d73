package io.plugmate.device;

import java.util.List;

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

    /**
     * Several reports in one transaction (a webhook batch), each as {@link #observe} would apply it alone: every linked
     * copy of the devices they name is read and locked in one statement, by vendor, OEM id and id (one order for every
     * batch: concurrent ones cannot deadlock), and each device's first report is written with the others' in one
     * statement; a later report of the same device follows it. Any report refused fails the whole call.
     *
     * @param reports one device's in the order they are to be applied
     * @return per report, in list order, how many copies took it as a new observation
     */
    Uni<List<Integer>> observeAll(List<Reported> reports);

    /** One OEM report as it came, and the vendor it came from. */
    record Reported(String vendor, JsonNode report) {
    }

    /** One OEM device: its vendor and the OEM's id of it (each API client that linked it has a copy). */
    record OemDevice(String vendor, String oemDeviceId) {
    }
}
