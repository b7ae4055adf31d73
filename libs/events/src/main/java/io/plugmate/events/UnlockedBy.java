package io.plugmate.events;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The pair through which a capability the device lacks natively is offered: on a vehicle, the charger that executes it
 * ({@code chargerId}); on a charger under unified controls, the vehicle that does ({@code vehicleId}, schema 2 of
 * CapabilitiesChanged). The other id is null.
 */
public record UnlockedBy(String pairId, String chargerId, String vehicleId) {

    @JsonCreator
    public UnlockedBy {
    }

    /** Unlocked on a vehicle through the pair's charger. */
    public UnlockedBy(String pairId, String chargerId) {
        this(pairId, chargerId, null);
    }

    public static UnlockedBy charger(String pairId, String chargerId) {
        return new UnlockedBy(pairId, chargerId, null);
    }

    public static UnlockedBy vehicle(String pairId, String vehicleId) {
        return new UnlockedBy(pairId, null, vehicleId);
    }
}
