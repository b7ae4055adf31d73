package io.plugmate.device;

/**
 * What the timestamps of a Vehicle or Charger view mean, for their OpenAPI descriptions: Enode's field names are the
 * contract, so the clock each one is on is said here, once for both services (issue 8: the field names or the docs say
 * which clock).
 */
public final class DeviceTimestamps {

    /** {@code lastSeen}: {@link LinkedDeviceEntity#lastSeen}. */
    public static final String LAST_SEEN = "Wall clock: when the platform last received a new observation of the "
            + "device (webhook or poll), not when the device measured it.";

    /** {@code chargeState.lastUpdated}, {@code location.lastUpdated}: {@link LinkedDeviceEntity#stateObservedAt}. */
    public static final String LAST_UPDATED = "Event time: when the OEM measured this state (in the local stack the "
            + "simulator's clock, which runs faster than the wall clock). It may be earlier than lastSeen.";

    private DeviceTimestamps() {
    }
}
