package io.plugmate.benchmarks.statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.benchmarks.generate.EventConversion;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.Outcome;
import io.plugmate.pairing.domain.PairingEngine;
import io.plugmate.simulator.domain.ChargerReport;
import io.plugmate.simulator.domain.Device;
import io.plugmate.simulator.domain.FleetConfig;
import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.ReportDelivery;
import io.plugmate.statistics.domain.StatisticsLedger;
import io.plugmate.statistics.domain.StatisticsSettings;

/**
 * The statistics benchmark (issue 10): a simulated week of autonomous households, every device linked, run through the
 * platform's own rules in-process — the device services' events ({@link EventConversion}), charger-service's native
 * sessions ({@link NativeSessions}), pairing-service's detector (its pair events, {@code PairAmbiguous} included, ADR
 * 0010) and statistics-service's rules ({@link StatisticsLedger}) — and scored against the simulator's ground
 * truth: the wallbox meters at the true plug-in and unplug, and who was really plugged in.
 *
 * <pre>
 * dev/benchmarks/bin/statistics-benchmark [--seed 42] [--households 100] [--together 20] [--days 7] [--out DIR]
 * </pre>
 */
public final class StatisticsBenchmark {

    static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    private StatisticsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long seed = 42;
        int households = 100;
        int days = 7;
        int together = 20;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--households" -> households = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--together" -> together = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println(
                            "usage: statistics-benchmark [--seed N] [--households N] [--together N] [--days N] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        FleetSimulation sim = new FleetSimulation(seed, FleetConfig.defaults(households, START));
        StatisticsLedger ledger = new StatisticsLedger(StatisticsSettings.defaults());
        Script script = new Script();
        java.util.Set<String> pairsOfTwo = TwoCarEvenings.add(sim, together, days, script);
        long inputs = run(sim, ledger, days, script);
        StatisticsScore score = StatisticsScore.of(ledger.sessions(), sim.meterGroundTruth(), sim.groundTruth(),
                pairsOfTwo);
        String report = score.render(seed, households, days, inputs, Duration.ofNanos(System.nanoTime() - t0));
        System.out.print(report);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("statistics-results.md"), report, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("statistics-mismatches.txt"), score.mismatches(), StandardCharsets.UTF_8);
        }
    }

    /** Feeds the week into the rules, in delivery order; returns how many input events statistics received. */
    static long run(FleetSimulation sim, StatisticsLedger ledger, int days, Script script) {
        EventConversion conversion = new EventConversion("statistics");
        PairingEngine pairing = new PairingEngine(DetectorSettings.defaults());
        NativeSessions natives = new NativeSessions(EventConversion.CLIENT_ID);
        long inputs = 0;
        for (Household h : sim.households()) {
            for (Device d : h.vehicles()) {
                pairing.accept(conversion.linked(h.id(), d, START).value());
            }
            for (Device d : h.chargers()) {
                pairing.accept(conversion.linked(h.id(), d, START).value());
            }
        }
        Instant end = START.plus(Duration.ofDays(days));
        while (true) {
            Instant next = script.next(end);
            for (ReportDelivery delivery : sim.advanceTo(next)) {
                String household = sim.accountOf(delivery.report().deviceId()).map(a -> a.householdId()).orElse(null);
                if (household == null) {
                    continue; // a visitor's car: no account reports it
                }
                ScenarioRecord record = conversion.observed(household, delivery);
                inputs += feed(record.value(), pairing, ledger);
                if (delivery.report() instanceof ChargerReport r) {
                    for (PlugmateEvent recorded : natives.place(household, r, delivery.deliveredAt())) {
                        ledger.accept(recorded);
                        inputs++;
                    }
                }
            }
            if (!next.isBefore(end)) {
                return inputs;
            }
            script.runDue(next);
        }
    }

    private static int feed(PlugmateEvent event, PairingEngine pairing, StatisticsLedger ledger) {
        ledger.accept(event);
        int n = 1;
        Outcome outcome = pairing.acceptWithHistory(event);
        for (PairEvent e : outcome.events()) {
            ledger.accept(e);
            n++;
        }
        return n;
    }
}
