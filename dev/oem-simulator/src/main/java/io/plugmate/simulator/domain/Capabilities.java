package io.plugmate.simulator.domain;

/** What a device's cloud lets a client do and see; names match the platform's DeviceLinked capabilities. */
public record Capabilities(boolean startCharging, boolean stopCharging, boolean setMaxCurrent, boolean location,
        boolean chargeRate) {

    public static Capabilities of(Vendor vendor, DeviceType type) {
        if (type == DeviceType.VEHICLE) {
            VehicleTraits t = vendor.vehicle();
            return new Capabilities(t.startStop(), t.startStop(), t.maxCurrent(), t.gps(), t.reportsChargeRate());
        }
        ChargerTraits t = vendor.charger();
        // a wallbox does not move; its location is the household's home, known at installation
        return new Capabilities(t.startStop(), t.startStop(), t.maxCurrent(), false, t.reportsChargeRate());
    }
}
