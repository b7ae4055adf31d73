package io.plugmate.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulated world: a deterministic, plain-Java fleet of households, vehicles and chargers with physics, OEM
 * reporting behaviour, commands and ground truth. Same seed, same config and same calls give the same reports,
 * byte for byte. There is no wall clock inside: time only moves through {@link #advanceTo(Instant)}.
 *
 * <p>
 * Not thread-safe: the owner serializes calls (the HTTP shell holds one lock).
 *
 * <pre>{@code
 * var sim = new FleetSimulation(42, FleetConfig.defaults(200, Instant.parse("2026-01-05T00:00:00Z")));
 * List<ReportDelivery> reports = sim.advanceTo(Instant.parse("2026-02-05T00:00:00Z"));
 * List<PlugInterval> truth = sim.groundTruth();
 * }</pre>
 */
public final class FleetSimulation {

    /** A household holds at most this many cars and wallboxes (so an OEM account at most five devices). */
    public static final int MAX_VEHICLES = 3;
    public static final int MAX_CHARGERS = 2;

    private final WorldState world;
    private final Reporter reporter;
    private final Plugging plugging;
    private final Integrator integrator;
    private final Routines routines;
    private final Commands commands;
    private final FleetFactory factory;
    private final Visitors visitors;
    private final SplittableRandom fleetRandom;

    public FleetSimulation(long seed, FleetConfig config) {
        this.world = new WorldState(seed, config);
        this.reporter = new Reporter(world);
        this.plugging = new Plugging(world, reporter);
        this.integrator = new Integrator(world, plugging);
        this.routines = new Routines(world, plugging, reporter);
        this.commands = new Commands(world, plugging, reporter);
        this.factory = new FleetFactory(world);
        this.visitors = new Visitors(world, plugging, factory);
        this.fleetRandom = world.randomFor("fleet");
        addRandomHouseholds(config.households());
    }

    /** Adds autonomous households drawn like the initial fleet (the draw continues the same seeded stream). */
    public List<Household> addRandomHouseholds(int count) {
        List<Household> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            added.add(addHousehold(factory.randomSpec(fleetRandom)));
        }
        return added;
    }

    public long seed() {
        return world.seed;
    }

    public FleetConfig config() {
        return world.config;
    }

    public Instant now() {
        return world.now;
    }

    public void setCommandFailureRate(double rate) {
        world.config = world.config.withCommandFailureRate(rate);
    }

    /** Runs the world up to {@code target} and returns the deliveries made, in delivery order. */
    public List<ReportDelivery> advanceTo(Instant target) {
        if (target.isBefore(world.now)) {
            throw new WorldException(WorldException.Kind.INVALID, "cannot go back in time to " + target);
        }
        while (true) {
            Instant event = world.queue.peekTime();
            Instant limit = event != null && !event.isAfter(target) ? event : null;
            Instant grid = integrator.nextGridIfCharging();
            if (grid != null && !grid.isAfter(limit != null ? limit : target)) {
                integrator.stepTo(grid); // may schedule new events: look again
                continue;
            }
            if (limit == null) {
                break;
            }
            integrator.exactTo(limit);
            world.now = limit;
            world.queue.pollDue(limit).run();
        }
        integrator.holdAt(target);
        world.now = target;
        List<ReportDelivery> delivered = List.copyOf(world.outbox);
        world.outbox.clear();
        return delivered;
    }

    public List<ReportDelivery> advanceBy(Duration duration) {
        if (duration.isNegative()) {
            throw new WorldException(WorldException.Kind.INVALID, "duration must not be negative");
        }
        return advanceTo(world.now.plus(duration));
    }

    public Household addHousehold(HouseholdSpec spec) {
        syncPhysics();
        if (spec.vehicleVendors().stream().anyMatch(v -> !v.makesVehicles())
                || spec.chargerVendors().stream().anyMatch(v -> !v.makesChargers())) {
            throw new WorldException(WorldException.Kind.INVALID, "a vendor was given a device type it does not make");
        }
        Household household = factory.create(spec);
        household.chargers().forEach(reporter::start);
        household.vehicles().forEach(reporter::start);
        if (household.autonomous()) {
            household.vehicles().forEach(routines::start);
            visitors.start(household);
        }
        return household;
    }

    /**
     * A new car joins an existing household and the household's account at that vendor (a new OEM login when it has
     * none): the OEM lists it from now on. It lives the household's routine when the household is autonomous.
     */
    public Vehicle addVehicle(String householdId, Vendor vendor) {
        Household household = requireHousehold(householdId);
        if (!vendor.makesVehicles()) {
            throw new WorldException(WorldException.Kind.INVALID, vendor + " makes no vehicles");
        }
        if (household.vehicles().size() >= MAX_VEHICLES) {
            throw new WorldException(WorldException.Kind.CONFLICT,
                    "household " + householdId + " already has " + MAX_VEHICLES + " vehicles");
        }
        syncPhysics();
        Vehicle v = factory.joinVehicle(household, vendor);
        reporter.start(v);
        if (household.autonomous()) {
            routines.start(v);
        }
        return v;
    }

    /** A new wallbox joins an existing household and its account at that vendor, like {@link #addVehicle}. */
    public Charger addCharger(String householdId, Vendor vendor) {
        Household household = requireHousehold(householdId);
        if (!vendor.makesChargers()) {
            throw new WorldException(WorldException.Kind.INVALID, vendor + " makes no chargers");
        }
        if (household.chargers().size() >= MAX_CHARGERS) {
            throw new WorldException(WorldException.Kind.CONFLICT,
                    "household " + householdId + " already has " + MAX_CHARGERS + " chargers");
        }
        syncPhysics();
        Charger c = factory.joinCharger(household, vendor);
        reporter.start(c);
        return c;
    }

    /**
     * The device leaves its household and its OEM account (a car sold, a wallbox uninstalled): a plugged cable is
     * pulled first (the ground truth closes the interval), then it stops reporting, reports still in flight are not
     * delivered, and its cloud no longer lists it. Its id is never reused.
     */
    public void removeDevice(String deviceId) {
        Device device = world.device(deviceId);
        syncPhysics();
        if (device instanceof Vehicle v && v.isPluggedIn()) {
            plugging.unplug(v);
        } else if (device instanceof Charger c && c.pluggedVehicle != null) {
            plugging.unplug(c.pluggedVehicle);
        }
        device.retired = true;
        device.reportGeneration++;
        factory.leave(device);
    }

    public void plug(String vehicleId, String chargerId) {
        syncPhysics();
        Charger charger = charger(chargerId).orElseThrow(() -> WorldException.notFound("charger", chargerId));
        plugging.plug(requireVehicle(vehicleId), charger);
    }

    /** Plugs into a charger outside the platform; ground truth records it as {@code public:<publicChargerId>}. */
    public void plugPublic(String vehicleId, String publicChargerId, double maxKw) {
        syncPhysics();
        Vehicle v = requireVehicle(vehicleId);
        plugging.plugPublic(v, new PublicCharger(publicChargerId, v.location(), maxKw));
    }

    public void unplug(String vehicleId) {
        syncPhysics();
        plugging.unplug(requireVehicle(vehicleId));
    }

    /** The physical button (car app or wallbox): unlike an OEM command it acts at once and never fails. */
    public void setChargingEnabled(String deviceId, boolean enabled) {
        syncPhysics();
        Device device = world.device(deviceId);
        if (device instanceof Vehicle v) {
            v.chargeRequested = enabled;
            plugging.settle(v);
        } else {
            Charger c = (Charger) device;
            c.enabled = enabled;
            if (c.pluggedVehicle != null) {
                plugging.settle(c.pluggedVehicle);
            }
        }
    }

    public void setBatteryLevel(String vehicleId, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new WorldException(WorldException.Kind.INVALID, "batteryLevel must be within 0..100");
        }
        Vehicle v = requireVehicle(vehicleId);
        syncPhysics();
        v.socPercent = percent;
        plugging.settle(v);
    }

    /**
     * From now on the device's cloud refuses every command with {@code reason} (an OEM's "no": the owner's schedule,
     * a locked charger); null lifts it. Nothing random depends on it, so determinism is untouched.
     */
    public void setCommandRefusal(String deviceId, String reason) {
        world.device(deviceId).commandRefusal = reason;
    }

    public CommandRecord submitCommand(String deviceId, CommandType type, Integer maxCurrentA) {
        syncPhysics();
        return commands.submit(world.device(deviceId), type, maxCurrentA);
    }

    public Optional<CommandRecord> command(String commandId) {
        return Optional.ofNullable(world.commands.get(commandId));
    }

    /** Every command the clouds took for the device (all devices when null), in the order they came in. */
    public List<CommandRecord> commands(String deviceId) {
        return world.commands.values().stream().filter(c -> deviceId == null || c.deviceId().equals(deviceId))
                .toList();
    }

    /** Every plug interval so far, closed and open, ordered by plug-in time. */
    public List<PlugInterval> groundTruth() {
        List<PlugInterval> all = new ArrayList<>(world.closedIntervals);
        all.addAll(world.openIntervals.values());
        all.sort(Comparator.comparing(PlugInterval::pluggedInAt).thenComparing(PlugInterval::vehicleId));
        return all;
    }

    /** Every plug interval at a household charger with that charger's meter at plug-in and unplug. */
    public List<MeteredInterval> meterGroundTruth() {
        return world.meters.all();
    }

    /** What the device's cloud answers to a state read now (live when awake, cached when asleep). */
    public DeviceReport currentState(String deviceId) {
        return reporter.snapshot(world.device(deviceId));
    }

    public List<Household> households() {
        return List.copyOf(world.households.values());
    }

    public Optional<Household> household(String id) {
        return Optional.ofNullable(world.households.get(id));
    }

    public List<OemAccount> accounts() {
        return List.copyOf(world.accounts.values());
    }

    public Optional<OemAccount> account(String id) {
        return Optional.ofNullable(world.accounts.get(id));
    }

    /** The OEM account that holds a device. */
    public Optional<OemAccount> accountOf(String deviceId) {
        return Optional.ofNullable(world.accountByDevice.get(deviceId));
    }

    /** A vehicle of the world; a removed one is gone. */
    public Optional<Vehicle> vehicle(String id) {
        return Optional.ofNullable(world.vehicles.get(id)).filter(v -> !v.retired);
    }

    /** A charger of the world; a removed one is gone. */
    public Optional<Charger> charger(String id) {
        return Optional.ofNullable(world.chargers.get(id)).filter(c -> !c.retired);
    }

    public Optional<Device> device(String id) {
        return vehicle(id).<Device> map(v -> v).or(() -> charger(id));
    }

    /** A change at an arbitrary instant needs the physics exactly there first. */
    private void syncPhysics() {
        integrator.exactTo(world.now);
    }

    private Household requireHousehold(String id) {
        return household(id).orElseThrow(() -> WorldException.notFound("household", id));
    }

    private Vehicle requireVehicle(String id) {
        return vehicle(id).orElseThrow(() -> WorldException.notFound("vehicle", id));
    }
}
