package io.plugmate.simulator.domain;

/**
 * Pure charging math. Power is decided at the wall (what the EVSE and the car's on-board charger allow, reduced by
 * the battery's taper near full); the battery receives that times the vehicle's efficiency.
 */
public final class ChargingPhysics {

    public static final double VOLTS = 230.0;
    /** Above this state of charge the battery management system starts cutting power. */
    public static final double TAPER_START_PERCENT = 80.0;
    private static final double TAPER_FLOOR = 0.1;
    /** When the car itself cannot be limited, it draws up to this per phase. */
    private static final int VEHICLE_DEFAULT_MAX_A = 32;

    private ChargingPhysics() {
    }

    /** Share of full power the battery accepts: 1 up to 80 %, then falling linearly to 10 % at 100 %. */
    public static double taper(double socPercent) {
        if (socPercent <= TAPER_START_PERCENT) {
            return 1.0;
        }
        double fraction = (socPercent - TAPER_START_PERCENT) / (100.0 - TAPER_START_PERCENT);
        return Math.max(TAPER_FLOOR, 1.0 - fraction * (1.0 - TAPER_FLOOR));
    }

    public static double acLimitKw(int phases, int amps) {
        return phases * VOLTS * amps / 1000.0;
    }

    /** Power drawn at the wall right now, 0 when the vehicle is not taking power. */
    public static double wallPowerKw(Vehicle vehicle) {
        if (!vehicle.wantsPower()) {
            return 0.0;
        }
        VehicleModel model = vehicle.model();
        double limit;
        if (vehicle.pluggedPublic != null) {
            double dc = vehicle.pluggedPublic.maxKw();
            // public AC posts are still limited by the on-board charger; fast chargers bypass it
            limit = dc > 22 ? dc : Math.min(dc, model.maxAcKw());
        } else {
            Charger charger = vehicle.pluggedCharger;
            int phases = Math.min(charger.vendor().charger().phases(), model.acPhases());
            int vehicleMaxA = vehicle.vendor().vehicle().maxCurrent() ? vehicle.maxCurrentA : VEHICLE_DEFAULT_MAX_A;
            int amps = Math.min(charger.maxCurrentA, vehicleMaxA);
            limit = Math.min(model.maxAcKw(), acLimitKw(phases, amps));
        }
        return limit * taper(vehicle.socPercent);
    }

    /** Energy in kWh for {@code kw} sustained over {@code seconds}. */
    public static double energyKwh(double kw, double seconds) {
        return kw * seconds / 3600.0;
    }
}
