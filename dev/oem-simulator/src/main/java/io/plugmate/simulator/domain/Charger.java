package io.plugmate.simulator.domain;

import java.time.Duration;
import java.util.SplittableRandom;

/** A simulated home wallbox with its own energy meter, measuring at the wall. */
public final class Charger extends Device {

    private final GeoPoint location;
    private final String serialNumber;

    int maxCurrentA;
    boolean enabled = true;
    double meterKwh;
    Vehicle pluggedVehicle;

    Charger(String id, Vendor vendor, String householdId, SplittableRandom random, Duration clockSkew,
            GeoPoint location, String serialNumber, double initialMeterKwh) {
        super(id, vendor, householdId, random, clockSkew);
        this.location = location;
        this.serialNumber = serialNumber;
        this.meterKwh = initialMeterKwh;
        // brands without a settable current run at the hardware maximum; the others ship at 16 A
        ChargerTraits traits = vendor.charger();
        this.maxCurrentA = traits.maxCurrent() ? Math.min(16, traits.hardwareMaxCurrentA()) : traits.hardwareMaxCurrentA();
    }

    @Override
    public DeviceType type() {
        return DeviceType.CHARGER;
    }

    public GeoPoint location() {
        return location;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public int maxCurrentA() {
        return maxCurrentA;
    }

    public double meterKwh() {
        return meterKwh;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Vehicle pluggedVehicle() {
        return pluggedVehicle;
    }

    @Override
    public boolean isPluggedIn() {
        return pluggedVehicle != null;
    }

    @Override
    public boolean isCharging() {
        return pluggedVehicle != null && pluggedVehicle.isCharging();
    }
}
