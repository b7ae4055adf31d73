package io.plugmate.device;

import java.time.Instant;

/**
 * What device-kit needs of a service's device entity ({@code VehicleEntity}, {@code ChargerEntity}); the entity itself,
 * its table and its state stay the service's own.
 */
public interface DeviceEntity {

    /** The device as the shared machinery sees it. */
    LinkedDevice linked();

    /**
     * An activated pair says this device is plugged into its counterpart (a vehicle's charger, a charger's vehicle).
     */
    void pairedWith(String pairId, String counterpartId, Instant at);

    /**
     * The pair ended; only the pair that set it clears it, so a late deactivation of an older pair changes nothing.
     *
     * @return whether the device was in that pair
     */
    boolean unpaired(String pairId, Instant at);
}
