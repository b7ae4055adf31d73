package io.plugmate.device;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plugmate.events.DeviceType;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.smallrye.mutiny.Uni;

/**
 * What a device service tells the shared machinery about its devices: one bean per service (vehicles or chargers).
 * Lookups run inside the caller's session, {@link #observe} inside the caller's transaction.
 */
public interface DeviceDirectory {

    /** A linked device as the OEM knows it. */
    record LinkedDevice(String id, UUID accountId, String vendor, String vendorDeviceId, Instant lastSeen) {
    }

    DeviceKind kind();

    DeviceType type();

    /** The OEM webhook event that carries this kind's reports, e.g. {@code vehicle.state}. */
    default String webhookEvent() {
        return kind().name() + ".state";
    }

    /**
     * Devices from a linked account not heard from since {@code quietSince} (or never), the least recently heard
     * from first, at most {@code limit}.
     */
    Uni<List<LinkedDevice>> quietDevices(Instant quietSince, int limit);

    /** The caller's device, or null (unknown, or another client's). */
    Uni<LinkedDevice> find(String clientId, String deviceId);

    /** A usable OEM access token for the account; fails with OemException when there is none. */
    Uni<String> accessToken(UUID accountId);

    /**
     * The OEM refused the account's credential (a 401 or {@code invalid_grant}) on a call that started at
     * {@code asked}: the account's devices must say so (an intervention) until the credential is renewed. Runs its
     * own transaction; a credential renewed since {@code asked} is left alone.
     */
    Uni<Void> credentialRefused(UUID accountId, Instant asked);

    /**
     * Applies one OEM report (webhook or poll) to every linked copy of the device.
     *
     * @return how many copies took it as a new observation
     * @throws io.plugmate.commons.problem.BadRequestProblem when the report is not one of this kind's
     */
    Uni<Integer> observe(String vendor, JsonNode report);
}
