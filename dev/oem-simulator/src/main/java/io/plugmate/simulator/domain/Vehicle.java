package io.plugmate.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** A simulated car: battery, position, what it is plugged into, and what its cloud last said. */
public final class Vehicle extends Device {

    private final VehicleModel model;
    private final String vin;
    /** Fraction of wall energy that reaches the battery (on-board charger and cable losses). */
    private final double efficiency;
    private final GeoPoint home;
    private final GeoPoint work;

    double socPercent;
    int chargeLimitPercent = 90;
    int maxCurrentA = 32;
    GeoPoint location;
    Charger pluggedCharger;
    PublicCharger pluggedPublic;
    /** The car's own "charge when plugged" switch; START/STOP commands flip it, a new plug-in resets it. */
    boolean chargeRequested = true;
    /** The car and the EVSE have finished their plug-in handshake; no power flows before. */
    boolean handshakeDone;
    boolean asleep;
    long sleepGeneration;
    double wallKw;
    VehicleReport lastFreshReport;
    String preferredChargerId;
    Instant pluggedAt;
    /** A visitor's car: no OEM account, never reports; only the ground truth and the charger see it. */
    boolean guest;

    Vehicle(String id, Vendor vendor, String householdId, SplittableRandom random, Duration clockSkew,
            VehicleModel model, String vin, double efficiency, GeoPoint home, GeoPoint work, double socPercent) {
        super(id, vendor, householdId, random, clockSkew);
        this.model = model;
        this.vin = vin;
        this.efficiency = efficiency;
        this.home = home;
        this.work = work;
        this.location = home;
        this.socPercent = socPercent;
    }

    @Override
    public DeviceType type() {
        return DeviceType.VEHICLE;
    }

    public VehicleModel model() {
        return model;
    }

    public String vin() {
        return vin;
    }

    public double efficiency() {
        return efficiency;
    }

    public GeoPoint home() {
        return home;
    }

    /** Where the car spends working days (autonomous households only). */
    public GeoPoint work() {
        return work;
    }

    public double socPercent() {
        return socPercent;
    }

    public int chargeLimitPercent() {
        return chargeLimitPercent;
    }

    public GeoPoint location() {
        return location;
    }

    /** Power drawn at the wall right now (true value, no noise). */
    public double wallPowerKw() {
        return wallKw;
    }

    public int maxCurrentA() {
        return maxCurrentA;
    }

    public boolean isGuest() {
        return guest;
    }

    public boolean isAsleep() {
        return asleep;
    }

    @Override
    public boolean isPluggedIn() {
        return pluggedCharger != null || pluggedPublic != null;
    }

    /** Where the cable goes, in ground-truth terms: a charger id, {@code public:<id>}, or null. */
    public String pluggedIntoId() {
        if (pluggedCharger != null) {
            return pluggedCharger.id();
        }
        return pluggedPublic == null ? null : pluggedPublic.groundTruthId();
    }

    @Override
    public boolean isCharging() {
        return wallKw > 0;
    }

    /** Whether power should flow now, ignoring how much. */
    boolean wantsPower() {
        if (!isPluggedIn() || !handshakeDone || !chargeRequested) {
            return false;
        }
        if (pluggedCharger != null && !pluggedCharger.enabled) {
            return false;
        }
        return socPercent < chargeLimitPercent - 0.01;
    }

    double rangeKm() {
        // ~6.5 km per kWh is a typical mixed-driving figure
        return model.batteryCapacityKwh() * socPercent / 100.0 * 6.5;
    }
}
