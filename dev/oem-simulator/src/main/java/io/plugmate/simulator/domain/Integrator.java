package io.plugmate.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moves energy: battery state of charge and charger meters. Power is recomputed on a fixed 30-second grid (aligned to
 * the epoch) and at every event, so the result does not depend on how callers slice time into
 * {@code advanceTo} calls — only on the events themselves.
 */
final class Integrator {

    static final long GRID_MILLIS = 30_000;

    private final WorldState world;
    private final Plugging plugging;
    /** Physics is integrated up to here; may lag {@code world.now} by less than one grid step. */
    private Instant physicsAt;

    Integrator(WorldState world, Plugging plugging) {
        this.world = world;
        this.plugging = plugging;
        this.physicsAt = world.now;
    }

    /** The next grid point while anything charges, else null (nothing changes between events then). */
    Instant nextGridIfCharging() {
        return anyCharging() ? nextGrid(physicsAt) : null;
    }

    /** Integrates exactly to {@code to}; the caller guarantees no grid point or event lies in between. */
    void exactTo(Instant to) {
        if (!to.isAfter(physicsAt)) {
            return;
        }
        if (anyCharging()) {
            step(to, false);
        } else {
            physicsAt = to;
        }
    }

    /**
     * Called when an advance stops between grid points: with power flowing, physics stays at the last grid point so
     * that where callers stop leaves no trace; otherwise it simply catches up.
     */
    void holdAt(Instant to) {
        if (!anyCharging() && to.isAfter(physicsAt)) {
            physicsAt = to;
        }
    }

    void stepTo(Instant grid) {
        step(grid, true);
    }

    /** Power is re-evaluated on grid points only (events that change it settle by themselves). */
    private void step(Instant to, boolean settle) {
        double seconds = Duration.between(physicsAt, to).toMillis() / 1000.0;
        for (Vehicle v : world.charging) {
            double wallKwh = ChargingPhysics.energyKwh(v.wallKw, seconds);
            double batteryPercent = wallKwh * v.efficiency() / v.model().batteryCapacityKwh() * 100.0;
            v.socPercent = Math.min(v.chargeLimitPercent, v.socPercent + batteryPercent);
            if (v.socPercent >= v.chargeLimitPercent - 0.01) {
                v.socPercent = v.chargeLimitPercent; // the battery management system calls it full
            }
            if (v.pluggedCharger != null) {
                v.pluggedCharger.meterKwh += wallKwh;
            }
        }
        physicsAt = to;
        world.now = to;
        if (!settle) {
            return;
        }
        // follows the taper, and stops (with a report) once the charge limit is reached
        for (Vehicle v : List.copyOf(world.charging)) {
            plugging.settle(v);
        }
    }

    private boolean anyCharging() {
        return !world.charging.isEmpty();
    }

    private static Instant nextGrid(Instant t) {
        long ms = t.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(ms, GRID_MILLIS) * GRID_MILLIS + GRID_MILLIS);
    }
}
