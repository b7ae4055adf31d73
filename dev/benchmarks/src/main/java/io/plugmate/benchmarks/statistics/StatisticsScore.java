package io.plugmate.benchmarks.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.plugmate.simulator.domain.MeteredInterval;
import io.plugmate.simulator.domain.PlugInterval;
import io.plugmate.statistics.domain.AttributionStatus;
import io.plugmate.statistics.domain.Basis;
import io.plugmate.statistics.domain.ResolvedSession;

/**
 * Native sessions against the wallbox meters at the true plug-in and unplug, and their attribution against who was
 * really plugged in. A native session is matched to the ground-truth interval on its charger it overlaps most.
 */
final class StatisticsScore {

    /** The meter reports kWh with 3 decimals: two readings can differ from the truth by 0.0005 each. */
    static final double RESOLUTION = 0.001 + 1e-9;

    private final List<ResolvedSession> sessions;
    private final List<MeteredInterval> truths = new ArrayList<>();
    /** Plug-ins of the households whose two cars plug in within minutes of each other (scored on their own). */
    private final List<MeteredInterval> together = new ArrayList<>();
    private java.util.Set<String> togetherHouseholds = java.util.Set.of();
    private final Map<MeteredInterval, ResolvedSession> matched = new HashMap<>();
    private final StringBuilder mismatches = new StringBuilder();
    private int publicIntervals;
    private List<PlugInterval> publicPlugs = List.of();
    private int pluggedBeforeStart;

    private StatisticsScore(List<ResolvedSession> sessions) {
        this.sessions = sessions;
    }

    static StatisticsScore of(List<ResolvedSession> sessions, List<MeteredInterval> meters, List<PlugInterval> plugs,
            java.util.Set<String> togetherHouseholds) {
        StatisticsScore score = new StatisticsScore(sessions);
        score.togetherHouseholds = togetherHouseholds;
        score.publicPlugs = plugs.stream().filter(PlugInterval::atPublicCharger).toList();
        score.publicIntervals = (int) score.publicPlugs.stream().filter(p -> p.unpluggedAt() != null).count();
        Map<String, List<ResolvedSession>> natives = new HashMap<>();
        for (ResolvedSession s : sessions) {
            if (s.session().basis() == Basis.CHARGER_METER) {
                natives.computeIfAbsent(s.session().chargerId(), k -> new ArrayList<>()).add(s);
            }
        }
        for (MeteredInterval m : meters) {
            if (m.unpluggedAt() == null) {
                continue; // still plugged at the end of the week: no session yet
            }
            if (!m.pluggedInAt().isAfter(StatisticsBenchmark.START)) {
                // plugged in before the platform heard of the devices: there is no plug-in for pairing to see
                score.pluggedBeforeStart++;
                continue;
            }
            (togetherHouseholds.contains(m.householdId()) ? score.together : score.truths).add(m);
            natives.getOrDefault(m.chargerId(), List.of()).stream()
                    .max(Comparator.comparing(s -> overlap(s, m)))
                    .filter(s -> overlap(s, m).isPositive())
                    .ifPresent(s -> score.matched.put(m, s));
        }
        return score;
    }

    private static Duration overlap(ResolvedSession s, MeteredInterval m) {
        Instant a = s.session().startedAt().isAfter(m.pluggedInAt()) ? s.session().startedAt() : m.pluggedInAt();
        Instant b = s.session().endedAt().isBefore(m.unpluggedAt()) ? s.session().endedAt() : m.unpluggedAt();
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }

    String render(long seed, int households, int days, long inputs, Duration took) {
        int sessionsMatched = (int) truths.stream().filter(matched::containsKey).count();
        int exact = 0;
        double truthKwh = 0;
        double nativeKwh = 0;
        Map<String, double[]> perCharger = new TreeMap<>();
        int ownCar = 0;
        int guests = 0;
        int attributed = 0;
        int correct = 0;
        int guestsUnattributed = 0;
        int ambiguous = 0;
        double ownKwh = 0;
        double attributedKwh = 0;
        double correctKwh = 0;
        for (MeteredInterval m : truths) {
            double truth = round3(m.meterAtUnplugKwh()) - round3(m.meterAtPlugInKwh());
            truthKwh += m.energyKwh();
            ResolvedSession s = matched.get(m);
            double[] charger = perCharger.computeIfAbsent(m.chargerId(), k -> new double[2]);
            charger[0] += m.energyKwh();
            boolean guest = m.vehicleId().startsWith("guest-");
            if (guest) {
                guests++;
            } else {
                ownCar++;
                ownKwh += m.energyKwh();
            }
            if (s == null) {
                mismatches.append("no native session for ").append(m).append('\n');
                continue;
            }
            double measured = s.session().energyKwh() == null ? Double.NaN : s.session().energyKwh();
            nativeKwh += measured;
            charger[1] += measured;
            if (Math.abs(measured - truth) <= 1e-9 || Math.abs(measured - m.energyKwh()) <= RESOLUTION) {
                exact++;
            } else {
                mismatches.append("energy %.4f kWh measured, %.4f true: %s%n".formatted(measured, m.energyKwh(), m));
            }
            AttributionStatus status = s.attribution().status();
            ambiguous += status == AttributionStatus.AMBIGUOUS ? 1 : 0;
            if (guest) {
                guestsUnattributed += status != AttributionStatus.ATTRIBUTED ? 1 : 0;
            }
            if (!guest && status != AttributionStatus.ATTRIBUTED) {
                mismatches.append("%s, not attributed (%s): %s%n".formatted(status, s.attribution().reason(), m));
            }
            if (status == AttributionStatus.ATTRIBUTED) {
                attributed++;
                attributedKwh += measured;
                if (m.vehicleId().equals(s.attribution().vehicleId())) {
                    correct++;
                    correctKwh += measured;
                } else {
                    mismatches.append("attributed to %s (pair %s, %.2f, %s) but %s was plugged in: %s%n".formatted(
                            s.attribution().vehicleId(), s.attribution().pairId(), s.attribution().confidence(),
                            s.attribution().attributedBy(), m.vehicleId(), m));
                }
            }
        }
        double worstCharger = perCharger.values().stream().mapToDouble(c -> Math.abs(c[0] - c[1])).max().orElse(0);
        // sessions of the week itself (what was plugged in when it began is left out, as above)
        List<ResolvedSession> week = sessions.stream()
                .filter(s -> s.session().startedAt().isAfter(StatisticsBenchmark.START.plusSeconds(60)))
                .filter(s -> !togetherHouseholds.contains(s.session().userId())).toList();
        List<ResolvedSession> own = week.stream().filter(s -> s.session().basis() == Basis.VEHICLE_RATE
                && s.counted(true)).toList();
        List<ResolvedSession> publicOwn = own.stream().filter(this::atPublicPost).toList();
        List<Double> losses = week.stream().filter(s -> s.crossCheck() != null && s.crossCheck().lossPercent() != null
                && s.session().basis() == Basis.CHARGER_METER).map(s -> s.crossCheck().lossPercent()).sorted().toList();
        StringBuilder r = new StringBuilder();
        r.append("# Statistics benchmark\n\n");
        r.append("seed %d, %d autonomous households (+ %d whose two cars come home together), %d simulated days from %s; "
                .formatted(seed, households, togetherHouseholds.size(), days, StatisticsBenchmark.START));
        r.append("%,d input events; %d ms; load %s%n%n".formatted(inputs, took.toMillis(), load()));
        r.append("| what | figure |\n|---|---:|\n");
        String counted = "| plug-ins at household chargers (ground truth) | %d (%d of the household's cars, %d guests; "
                + "not counted: %d already plugged in when the week began) |%n";
        r.append(counted.formatted(truths.size(), ownCar, guests, pluggedBeforeStart));
        r.append("| native sessions matched to them | %d (%s) |%n".formatted(sessionsMatched,
                pct(sessionsMatched, truths.size())));
        r.append("| native energy = meter truth (to the meter's 0.001 kWh) | %d of %d (%s) |%n".formatted(exact,
                sessionsMatched, pct(exact, sessionsMatched)));
        r.append("| kWh: native / meter truth | %.3f / %.3f |%n".formatted(nativeKwh, truthKwh));
        r.append("| largest per-charger difference over the week | %.4f kWh (%d chargers) |%n".formatted(worstCharger,
                perCharger.size()));
        r.append("| share attributed (sessions of the household's cars) | %s (%d of %d; %.1f of %.1f kWh) |%n".formatted(
                pct(attributed - (guests - guestsUnattributed), ownCar), attributed - (guests - guestsUnattributed),
                ownCar, attributedKwh, ownKwh));
        r.append("| share correct (attributed sessions whose vehicle was really plugged in) | %s (%d of %d; %.1f kWh) |%n"
                .formatted(pct(correct, attributed), correct, attributed, correctKwh));
        r.append("| guests' sessions left unattributed | %d of %d |%n".formatted(guestsUnattributed, guests));
        r.append("| sessions shown AMBIGUOUS (candidates, no vehicle) | %d |%n".formatted(ambiguous));
        r.append("| cars' own estimates counted at public posts (%d plug-ins there) | %d sessions, %.1f kWh |%n"
                .formatted(publicIntervals, publicOwn.size(),
                        publicOwn.stream().mapToDouble(s -> s.session().energyKwh()).sum()));
        r.append("| cars' own estimates counted elsewhere (home sessions not attributed or still open at the end) "
                + "| %d |%n".formatted(own.size() - publicOwn.size()));
        r.append("| charging loss shown (native vs the car's estimate), median | %s |%n".formatted(losses.isEmpty()
                ? "n/a"
                : "%.1f %% over %d sessions".formatted(losses.get(losses.size() / 2), losses.size())));
        r.append(together());
        return r.toString();
    }

    /** Two cars plugged into the household's two wallboxes 0–2 min apart every evening: refuse rather than guess. */
    private String together() {
        if (together.isEmpty()) {
            return "";
        }
        int exact = 0;
        int attributed = 0;
        int correct = 0;
        int ambiguous = 0;
        int candidatesRight = 0;
        int matchedCount = 0;
        for (MeteredInterval m : together) {
            ResolvedSession s = matched.get(m);
            if (s == null) {
                continue;
            }
            matchedCount++;
            double measured = s.session().energyKwh() == null ? Double.NaN : s.session().energyKwh();
            exact += Math.abs(measured - m.energyKwh()) <= RESOLUTION ? 1 : 0;
            switch (s.attribution().status()) {
                case ATTRIBUTED -> {
                    attributed++;
                    if (m.vehicleId().equals(s.attribution().vehicleId())) {
                        correct++;
                    } else {
                        mismatches.append("(two cars) attributed to %s but %s was plugged in: %s%n".formatted(
                                s.attribution().vehicleId(), m.vehicleId(), m));
                    }
                }
                case AMBIGUOUS -> {
                    ambiguous++;
                    candidatesRight += s.attribution().candidates().stream()
                            .anyMatch(c -> c.vehicleId().equals(m.vehicleId())) ? 1 : 0;
                }
                default -> {
                    // a miss: the charger's
                }
            }
        }
        return """

                Two cars plugged into the household's two wallboxes 0–2 min apart every evening (%d plug-ins):

                | what | figure |
                |---|---:|
                | native sessions matched / native energy = meter truth | %d / %d |
                | attributed / of those correct | %d / %d |
                | shown AMBIGUOUS / the true car among the candidates | %d / %d |
                | left to the charger (no pair, no ambiguity) | %d |
                """.formatted(together.size(), matchedCount, exact, attributed, correct, ambiguous, candidatesRight,
                matchedCount - attributed - ambiguous);
    }

    private boolean atPublicPost(ResolvedSession s) {
        return publicPlugs.stream().anyMatch(p -> p.vehicleId().equals(s.session().vehicleId())
                && !s.session().startedAt().isAfter(p.unpluggedAt() == null ? Instant.MAX : p.unpluggedAt())
                && !s.session().endedAt().isBefore(p.pluggedInAt()));
    }

    String mismatches() {
        return mismatches.toString();
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String pct(int n, int of) {
        return of == 0 ? "n/a" : "%.2f %%".formatted(100.0 * n / of);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
