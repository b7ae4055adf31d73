package io.plugmate.benchmarks.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import io.plugmate.simulator.domain.Charger;
import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vehicle;

/**
 * A scenario's handle on its simulated world: households linked to the platform (their devices become records) or
 * not (visitors' cars), and scripted actions at simulated instants. The actions are forgiving on purpose: a plug into
 * a charger that is taken, or an unplug of a car that is not plugged, does nothing and says so by returning false, so
 * a script can be written as intentions against a world that also lives on its own.
 */
public final class World {

    private final FleetSimulation sim;
    private final SplittableRandom random;
    private final Instant end;
    private final Map<String, Household> linked = new LinkedHashMap<>();
    private final PriorityQueue<Action> script = new PriorityQueue<>();
    private long actionSequence;

    World(FleetSimulation sim, SplittableRandom random, Instant end) {
        this.sim = sim;
        this.random = random;
        this.end = end;
    }

    public FleetSimulation sim() {
        return sim;
    }

    /** The scenario's own random stream (derived from the benchmark seed). */
    public SplittableRandom random() {
        return random;
    }

    public Instant start() {
        return sim.config().start();
    }

    public Instant end() {
        return end;
    }

    /** The midnight (UTC) starting simulated day {@code n} (0-based). */
    public Instant day(int n) {
        return start().plus(Duration.ofDays(n));
    }

    public int days() {
        return (int) Duration.between(start(), end).toDays();
    }

    /** A household whose user links all its devices to the platform at the start. */
    public Household addLinked(HouseholdSpec spec) {
        Household h = sim.addHousehold(spec);
        linked.put(h.id(), h);
        return h;
    }

    /** A household nobody links (visitors' cars): its reports never reach the platform. */
    public Household addUnlinked(HouseholdSpec spec) {
        return sim.addHousehold(spec);
    }

    /** The linked households, in the order they were added. */
    public List<Household> linkedHouseholds() {
        return List.copyOf(linked.values());
    }

    public boolean isLinked(String householdId) {
        return linked.containsKey(householdId);
    }

    /** Runs {@code action} when the world reaches {@code at} (at once if that has passed). */
    public void at(Instant at, Runnable action) {
        if (at.isBefore(end)) {
            script.add(new Action(at, ++actionSequence, action));
        }
    }

    public Vehicle vehicle(String id) {
        return sim.vehicle(id).orElseThrow();
    }

    public Charger charger(String id) {
        return sim.charger(id).orElseThrow();
    }

    /** Plugs the vehicle into the charger when both are free. */
    public boolean plug(String vehicleId, String chargerId) {
        if (vehicle(vehicleId).isPluggedIn() || charger(chargerId).isPluggedIn()) {
            return false;
        }
        sim.plug(vehicleId, chargerId);
        return true;
    }

    /** Plugs the vehicle into a public charger wherever it is, when it is free. */
    public boolean plugPublic(String vehicleId, String publicChargerId, double maxKw) {
        if (vehicle(vehicleId).isPluggedIn()) {
            return false;
        }
        sim.plugPublic(vehicleId, publicChargerId, maxKw);
        return true;
    }

    public boolean unplug(String vehicleId) {
        if (!vehicle(vehicleId).isPluggedIn()) {
            return false;
        }
        sim.unplug(vehicleId);
        return true;
    }

    /** The device's own charge switch (the car's app or the wallbox's schedule). */
    public void setChargingEnabled(String deviceId, boolean enabled) {
        sim.setChargingEnabled(deviceId, enabled);
    }

    /** A manual household's car never drives: the script drains it so that it wants to charge again. */
    public void setBatteryLevel(String vehicleId, double percent) {
        sim.setBatteryLevel(vehicleId, percent);
    }

    public double uniform(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    public Duration minutes(double min, double max) {
        return Duration.ofSeconds(Math.round(uniform(min, max) * 60));
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** {@code list} in a random order drawn from the scenario's stream. */
    public <T> List<T> shuffled(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return copy;
    }

    /** When the next scripted action is due, or null. */
    Instant nextActionAt() {
        Action next = script.peek();
        return next == null ? null : next.at;
    }

    /** Runs every action due by {@code now}, including ones they schedule for now or earlier. */
    void runDue(Instant now) {
        while (!script.isEmpty() && !script.peek().at.isAfter(now)) {
            script.poll().run.run();
        }
    }

    private record Action(Instant at, long sequence, Runnable run) implements Comparable<Action> {

        @Override
        public int compareTo(Action other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
