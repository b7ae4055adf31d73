package io.plugmate.benchmarks.generate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.TruthHeader;
import io.plugmate.benchmarks.files.TruthInterval;
import io.plugmate.simulator.domain.Charger;
import io.plugmate.simulator.domain.Device;
import io.plugmate.simulator.domain.FleetConfig;
import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.PlugInterval;
import io.plugmate.simulator.domain.ReportDelivery;
import io.plugmate.simulator.domain.Vehicle;

/**
 * Runs one scenario's world from its start to its end and writes its two files: the records in delivery order
 * ({@code DeviceLinked} for every linked device first) and the ground truth. Deterministic: same seed, same files.
 */
public final class ScenarioGenerator {

    /** A Monday, so that weekday and weekend routines both occur from the first week on. */
    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    /** The world is advanced (and its deliveries streamed out) at most this far at a time. */
    private static final Duration SLICE = Duration.ofHours(6);

    private final Path outDir;
    private final long seed;

    public ScenarioGenerator(Path outDir, long seed) {
        this.outDir = outDir;
        this.seed = seed;
    }

    /** What was written, for the progress line. */
    public record Generated(String scenario, long records, int intervals) {
    }

    public Generated generate(Scenario scenario) {
        long worldSeed = worldSeed(seed, scenario.name());
        FleetConfig config = scenario.config(FleetConfig.defaults(0, START));
        FleetSimulation sim = new FleetSimulation(worldSeed, config);
        Instant end = START.plus(scenario.length());
        World world = new World(sim, new SplittableRandom(worldSeed ^ 0x5DEECE66DL), end);
        scenario.populate(world);

        Map<String, String> householdOfLinkedDevice = new HashMap<>();
        EventConversion conversion = new EventConversion(scenario.name(), scenario::extraClockSkew);
        long records;
        try (ScenarioFiles.Writer out = ScenarioFiles.writer(ScenarioFiles.fileFor(outDir, scenario.name()))) {
            for (Household h : world.linkedHouseholds()) {
                for (Device d : devicesOf(h)) {
                    householdOfLinkedDevice.put(d.id(), h.id());
                    out.write(conversion.linked(h.id(), d, START));
                }
            }
            Instant now = START;
            while (now.isBefore(end)) {
                Instant next = now.plus(SLICE);
                Instant action = world.nextActionAt();
                if (action != null && action.isBefore(next)) {
                    next = action.isAfter(now) ? action : now;
                }
                if (next.isAfter(end)) {
                    next = end;
                }
                for (ReportDelivery d : sim.advanceTo(next)) {
                    String household = householdOfLinkedDevice.get(d.report().deviceId());
                    if (household != null) {
                        out.write(conversion.observed(household, d));
                    }
                }
                world.runDue(next);
                now = next;
            }
            records = out.written();
        }
        List<TruthInterval> intervals = truth(sim.groundTruth(), householdOfLinkedDevice);
        new GroundTruth(new TruthHeader(scenario.name(), scenario.description(), worldSeed, START, end,
                world.linkedHouseholds().stream().map(ScenarioGenerator::header).toList()), intervals)
                .write(GroundTruth.fileFor(outDir, scenario.name()));
        return new Generated(scenario.name(), records, intervals.size());
    }

    /** Each scenario its own world, and a stable one: it depends on the benchmark seed and the name only. */
    static long worldSeed(long seed, String scenario) {
        UUID mixed = UUID.nameUUIDFromBytes((seed + "\u001f" + scenario).getBytes(StandardCharsets.UTF_8));
        return mixed.getMostSignificantBits() ^ mixed.getLeastSignificantBits();
    }

    /** Intervals that touch a linked device, classified; visitors' cars elsewhere are nobody's business here. */
    static List<TruthInterval> truth(List<PlugInterval> all, Map<String, String> householdOfLinked) {
        List<TruthInterval> result = new ArrayList<>();
        for (PlugInterval p : all) {
            String vehicleHome = householdOfLinked.get(p.vehicleId());
            String chargerHome = householdOfLinked.get(p.chargerId());
            TruthInterval.Kind kind;
            String household;
            if (p.atPublicCharger() && vehicleHome != null) {
                kind = TruthInterval.Kind.PUBLIC;
                household = vehicleHome;
            } else if (chargerHome != null && chargerHome.equals(vehicleHome)) {
                kind = TruthInterval.Kind.HOME;
                household = chargerHome;
            } else if (chargerHome != null) {
                kind = TruthInterval.Kind.GUEST;
                household = chargerHome;
            } else {
                continue;
            }
            result.add(new TruthInterval(kind, p.vehicleId(), p.chargerId(), household, p.pluggedInAt(),
                    p.unpluggedAt()));
        }
        return result;
    }

    private static List<Device> devicesOf(Household h) {
        List<Device> devices = new ArrayList<>(h.vehicles());
        devices.addAll(h.chargers());
        return devices;
    }

    private static TruthHeader.LinkedHousehold header(Household h) {
        return new TruthHeader.LinkedHousehold(h.id(),
                h.vehicles().stream().map((Vehicle v) -> new TruthHeader.LinkedDevice(v.id(), v.vendor().name()))
                        .toList(),
                h.chargers().stream().map((Charger c) -> new TruthHeader.LinkedDevice(c.id(), c.vendor().name()))
                        .toList());
    }
}
