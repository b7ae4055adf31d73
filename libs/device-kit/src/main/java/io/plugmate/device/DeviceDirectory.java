package io.plugmate.device;

import java.util.Collection;

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
     * Reports of several devices in one transaction (a webhook batch): every linked copy of the named devices is read
     * and locked in one statement, by vendor, OEM id and id (one order for every batch: concurrent ones cannot
     * deadlock), instead of one lookup per report; none when {@code named} is empty.
     *
     * @return applies one report at a time as {@link #observe} does, to the copies read here
     */
    Uni<Observing> observing(Collection<OemDevice> named);

    /** One OEM device: its vendor and the OEM's id of it (each API client that linked it has a copy). */
    record OemDevice(String vendor, String oemDeviceId) {
    }

    /** Applies reports to devices read and locked up front ({@link #observing}). */
    @FunctionalInterface
    interface Observing {

        Uni<Integer> observe(String vendor, JsonNode report);
    }
}
