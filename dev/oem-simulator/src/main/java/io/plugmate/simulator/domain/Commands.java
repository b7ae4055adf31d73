package io.plugmate.simulator.domain;

import static io.plugmate.simulator.domain.WorldState.seconds;
import static io.plugmate.simulator.domain.WorldState.uniform;

/**
 * OEM command handling: accepted at once, executed after the vendor's latency (longer when the car must be woken),
 * and sometimes failing like real clouds do.
 */
final class Commands {

    static final int MIN_CURRENT_A = 6;
    private static final int VEHICLE_MAX_CURRENT_A = 32;

    private final WorldState world;
    private final Plugging plugging;
    private final Reporter reporter;

    Commands(WorldState world, Plugging plugging, Reporter reporter) {
        this.world = world;
        this.plugging = plugging;
        this.reporter = reporter;
    }

    CommandRecord submit(Device device, CommandType type, Integer maxCurrentA) {
        if (device.commandRefusal != null) {
            throw new WorldException(WorldException.Kind.REFUSED, device.commandRefusal);
        }
        Capabilities caps = device.capabilities();
        boolean supported = switch (type) {
            case START_CHARGING -> caps.startCharging();
            case STOP_CHARGING -> caps.stopCharging();
            case SET_MAX_CURRENT -> caps.setMaxCurrent();
        };
        if (!supported) {
            throw new WorldException(WorldException.Kind.UNSUPPORTED,
                    device.vendor() + " " + device.type().name().toLowerCase() + "s do not support " + type);
        }
        if (type == CommandType.SET_MAX_CURRENT) {
            int max = device instanceof Charger c ? c.vendor().charger().hardwareMaxCurrentA() : VEHICLE_MAX_CURRENT_A;
            if (maxCurrentA == null || maxCurrentA < MIN_CURRENT_A || maxCurrentA > max) {
                throw new WorldException(WorldException.Kind.INVALID,
                        "maxCurrentA must be between " + MIN_CURRENT_A + " and " + max);
            }
        }
        String id = "cmd-%06d".formatted(++world.commandSeq);
        CommandRecord pending = new CommandRecord(id, device.id(), device.type(), device.vendor(), type,
                type == CommandType.SET_MAX_CURRENT ? maxCurrentA : null, CommandState.PENDING, world.now, null, null);
        world.commands.put(id, pending);
        Vendor vendor = device.vendor();
        double latency = uniform(device.random, vendor.minCommandLatencySeconds(), vendor.maxCommandLatencySeconds());
        if (device instanceof Vehicle v && v.asleep) {
            latency += uniform(device.random, 20, 60); // waking the car first
        }
        world.after(seconds(latency), () -> complete(device, id));
        return pending;
    }

    private void complete(Device device, String id) {
        CommandRecord command = world.commands.get(id);
        String failure = failureOf(device, command);
        if (failure == null) {
            apply(device, command);
        }
        world.commands.put(id, command.complete(world.now, failure));
    }

    private String failureOf(Device device, CommandRecord command) {
        if (device.random.nextDouble() < world.config.commandFailureRate()) {
            return device instanceof Vehicle ? "VEHICLE_UNREACHABLE" : "CHARGER_OFFLINE";
        }
        boolean startStop = command.type() != CommandType.SET_MAX_CURRENT;
        if (startStop && !device.isPluggedIn()) {
            return "NOT_PLUGGED_IN";
        }
        return null;
    }

    private void apply(Device device, CommandRecord command) {
        if (device instanceof Vehicle v) {
            reporter.wake(v);
            switch (command.type()) {
                case START_CHARGING -> v.chargeRequested = true;
                case STOP_CHARGING -> v.chargeRequested = false;
                case SET_MAX_CURRENT -> v.maxCurrentA = command.maxCurrentA();
            }
            plugging.settle(v);
            return;
        }
        Charger c = (Charger) device;
        switch (command.type()) {
            case START_CHARGING -> c.enabled = true;
            case STOP_CHARGING -> c.enabled = false;
            case SET_MAX_CURRENT -> c.maxCurrentA = command.maxCurrentA();
        }
        if (c.pluggedVehicle != null) {
            plugging.settle(c.pluggedVehicle);
        } else {
            reporter.stateMaybeChanged(c);
        }
    }
}
