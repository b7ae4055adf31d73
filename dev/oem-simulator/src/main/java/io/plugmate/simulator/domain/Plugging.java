package io.plugmate.simulator.domain;

import static io.plugmate.simulator.domain.WorldState.seconds;
import static io.plugmate.simulator.domain.WorldState.uniform;

import java.time.Instant;

/** Cables in and out: keeps both sides, the ground truth and the charging state consistent. */
final class Plugging {

    private final WorldState world;
    private final Reporter reporter;

    Plugging(WorldState world, Reporter reporter) {
        this.world = world;
        this.reporter = reporter;
    }

    void plug(Vehicle v, Charger c) {
        requireUnplugged(v);
        if (c.pluggedVehicle != null) {
            throw new WorldException(WorldException.Kind.CONFLICT,
                    "charger " + c.id() + " is in use by " + c.pluggedVehicle.id());
        }
        v.pluggedCharger = c;
        c.pluggedVehicle = v;
        // the wallbox is at home; resets the charger's own stop state for the new session
        v.location = c.location();
        c.enabled = true;
        world.meters.plugged(v, c, world.now);
        connect(v, c.id());
    }

    void plugPublic(Vehicle v, PublicCharger p) {
        requireUnplugged(v);
        v.pluggedPublic = p;
        v.location = p.location();
        connect(v, p.groundTruthId());
    }

    void unplug(Vehicle v) {
        if (!v.isPluggedIn()) {
            throw new WorldException(WorldException.Kind.CONFLICT, "vehicle " + v.id() + " is not plugged in");
        }
        PlugInterval open = world.openIntervals.remove(v.id());
        world.closedIntervals.add(new PlugInterval(open.vehicleId(), open.chargerId(), open.householdId(),
                open.pluggedInAt(), world.now));
        Charger charger = v.pluggedCharger;
        world.meters.unplugged(v, charger, world.now);
        v.pluggedCharger = null;
        v.pluggedPublic = null;
        v.pluggedAt = null;
        v.handshakeDone = false;
        settle(v);
        if (charger != null) {
            charger.pluggedVehicle = null;
            reporter.stateMaybeChanged(charger);
        }
    }

    /** Recomputes power and lets both ends report what changed. */
    void settle(Vehicle v) {
        v.wallKw = ChargingPhysics.wallPowerKw(v);
        if (v.wallKw > 0) {
            world.charging.add(v);
        } else {
            world.charging.remove(v);
        }
        reporter.stateMaybeChanged(v);
        if (v.pluggedCharger != null) {
            reporter.stateMaybeChanged(v.pluggedCharger);
        }
    }

    private void connect(Vehicle v, String groundTruthId) {
        Instant at = world.now;
        v.pluggedAt = at;
        v.chargeRequested = true;
        v.handshakeDone = false;
        world.openIntervals.put(v.id(), new PlugInterval(v.id(), groundTruthId, v.householdId(), at, null));
        // the car and the EVSE negotiate for a few seconds before any power flows
        world.after(seconds(uniform(v.random, 5, 30)), () -> {
            if (at.equals(v.pluggedAt)) {
                v.handshakeDone = true;
                settle(v);
            }
        });
        if (v.asleep) {
            // plugging wakes the car, but its modem takes minutes to tell the cloud
            world.after(seconds(uniform(v.random, 120, 360)), () -> reporter.wake(v));
        }
        settle(v);
    }

    private static void requireUnplugged(Vehicle v) {
        if (v.isPluggedIn()) {
            throw new WorldException(WorldException.Kind.CONFLICT,
                    "vehicle " + v.id() + " is already plugged into " + v.pluggedIntoId());
        }
    }
}
