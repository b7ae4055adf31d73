package io.plugmate.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Everything the world's parts share. Single-threaded by contract: the owner serializes all calls. */
final class WorldState {

    final long seed;
    FleetConfig config;
    Instant now;
    final EventQueue queue = new EventQueue();
    final List<ReportDelivery> outbox = new ArrayList<>();
    final Map<String, Household> households = new LinkedHashMap<>();
    final Map<String, Vehicle> vehicles = new LinkedHashMap<>();
    final Map<String, Charger> chargers = new LinkedHashMap<>();
    final Map<String, OemAccount> accounts = new LinkedHashMap<>();
    final Map<String, OemAccount> accountByDevice = new LinkedHashMap<>();
    final Map<String, CommandRecord> commands = new LinkedHashMap<>();
    final Map<String, PlugInterval> openIntervals = new LinkedHashMap<>();
    /** Vehicles drawing power now, in the order they started: physics only needs to visit these. */
    final Set<Vehicle> charging = new LinkedHashSet<>();
    final List<PlugInterval> closedIntervals = new ArrayList<>();
    /** Household chargers' meters at every plug-in and unplug (ground truth for charger-native sessions). */
    final MeterLedger meters = new MeterLedger();
    long reportSeq;
    long commandSeq;

    WorldState(long seed, FleetConfig config) {
        this.seed = seed;
        this.config = config;
        this.now = config.start();
    }

    /** A random stream derived from the seed and a stable key (a device or household id). */
    SplittableRandom randomFor(String key) {
        long mixed = seed * 0x9E3779B97F4A7C15L + key.hashCode();
        return new SplittableRandom(new SplittableRandom(mixed).nextLong());
    }

    void after(Duration delay, Runnable action) {
        queue.schedule(now.plus(delay), action);
    }

    Device device(String id) {
        Device d = vehicles.get(id);
        if (d == null) {
            d = chargers.get(id);
        }
        if (d == null || d.retired) {
            throw WorldException.notFound("device", id);
        }
        return d;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    static double uniform(SplittableRandom r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }
}
