package io.plugmate.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** State every simulated device shares: identity, its own random stream, clock skew and reporting bookkeeping. */
public abstract sealed class Device permits Vehicle, Charger {

    private final String id;
    private final Vendor vendor;
    private final String householdId;
    private final Duration clockSkew;
    /** Per-device stream so that adding a household never changes what the others do. */
    final SplittableRandom random;

    /** Bumped whenever the periodic report is rescheduled; stale queue entries compare against it. */
    long reportGeneration;
    Instant nextReportAt;
    boolean reportedPluggedIn;
    boolean reportedCharging;
    boolean everReported;
    /** Gone from its household and OEM account (sold, uninstalled): it no longer reports or takes part. */
    boolean retired;
    /** While set, its cloud refuses every command with this reason (a sandbox switch; never random). */
    String commandRefusal;

    Device(String id, Vendor vendor, String householdId, SplittableRandom random, Duration clockSkew) {
        this.id = id;
        this.vendor = vendor;
        this.householdId = householdId;
        this.random = random;
        this.clockSkew = clockSkew;
    }

    public String id() {
        return id;
    }

    public Vendor vendor() {
        return vendor;
    }

    public String householdId() {
        return householdId;
    }

    /** How far this device's clock is off; added to every {@code observedAt} it reports. */
    public Duration clockSkew() {
        return clockSkew;
    }

    public boolean isRetired() {
        return retired;
    }

    /** Null unless a scenario made the device's cloud refuse commands. */
    public String commandRefusal() {
        return commandRefusal;
    }

    public abstract DeviceType type();

    public abstract boolean isPluggedIn();

    public abstract boolean isCharging();

    public Capabilities capabilities() {
        return Capabilities.of(vendor, type());
    }
}
