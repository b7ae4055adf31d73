package io.plugmate.benchmarks.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.Outcome;
import io.plugmate.pairing.domain.PairingEngine;
import io.plugmate.pairing.domain.Transition;

/**
 * Feeds a scenario file through a fresh {@link PairingEngine} in file order, the way the replay does, and records the
 * trace. Parsing and detection are timed separately; the bookkeeping for scoring is outside both clocks.
 */
public final class DetectorRun {

    private DetectorRun() {
    }

    public static DetectorTrace replay(Path scenarioFile, DetectorSettings settings) {
        return replay(scenarioFile, settings, PairingEngine.Feed.AS_PRODUCED, topic -> Duration.ZERO);
    }

    /**
     * @param feed what the order the records are taken in stands for: the order produced, or the order lagging
     *        consumers took them in
     * @param consumerLag per topic, how far behind its consumer is: its records are taken that much after their
     *        delivery, and that is their processing time
     */
    public static DetectorTrace replay(Path scenarioFile, DetectorSettings settings, PairingEngine.Feed feed,
            Function<String, Duration> consumerLag) {
        PairingEngine engine = new PairingEngine(settings, feed);
        List<PairChange> changes = new ArrayList<>();
        Map<String, ReportLog> reports = new HashMap<>();
        long[] nanos = new long[2];
        int index = 0;
        Instant last = null;
        try (Arrivals arrivals = new Arrivals(scenarioFile, consumerLag, nanos)) {
            for (Arrivals.Arrival a = arrivals.next(); a != null; a = arrivals.next()) {
                long t1 = System.nanoTime();
                Outcome outcome = engine.acceptWithHistory(a.record().value());
                nanos[1] += System.nanoTime() - t1;
                note(a.record().value(), index, a.at(), reports);
                for (Transition t : outcome.transitions()) {
                    if (t.from() != null) {
                        changes.add(new PairChange(index, a.at(), a.record().value().userId(), t));
                    }
                }
                index++;
                last = a.at();
            }
        }
        // the end of the file: whatever still waits for another stream is applied now
        for (PairingEngine.UserOutcome user : engine.finish()) {
            for (Transition t : user.outcome().transitions()) {
                if (t.from() != null) {
                    changes.add(new PairChange(index - 1, last, user.userId(), t));
                }
            }
        }
        return new DetectorTrace(changes, reports, index, nanos[0], nanos[1]);
    }

    /**
     * The file's records in the order a consumer group takes them in: delivery order, each topic delayed by its
     * consumer's lag (two passes over the file, merged: the topics on time, and those behind).
     */
    private static final class Arrivals implements AutoCloseable {

        record Arrival(ScenarioRecord record, Instant at) {
        }

        private final BufferedReader onTime;
        private final BufferedReader behind;
        private final Function<String, Duration> lag;
        private final long[] nanos;
        private Arrival nextOnTime;
        private Arrival nextBehind;

        Arrivals(Path file, Function<String, Duration> lag, long[] nanos) {
            this.onTime = ScenarioFiles.reader(file);
            this.behind = ScenarioFiles.reader(file);
            this.lag = lag;
            this.nanos = nanos;
            this.nextOnTime = read(onTime, false);
            boolean anyBehind = Stream.of(Topics.DEVICE_LIFECYCLE, Topics.VEHICLE_STATE, Topics.CHARGER_STATE)
                    .anyMatch(topic -> !lag.apply(topic).isZero());
            this.nextBehind = anyBehind ? read(behind, true) : null;
        }

        Arrival next() {
            Arrival next;
            if (nextBehind == null || nextOnTime != null && !nextOnTime.at().isAfter(nextBehind.at())) {
                next = nextOnTime;
                nextOnTime = next == null ? null : read(onTime, false);
            } else {
                next = nextBehind;
                nextBehind = read(behind, true);
            }
            return next;
        }

        private Arrival read(BufferedReader in, boolean lagging) {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long t0 = System.nanoTime();
                    ScenarioRecord record = ScenarioFiles.fromLine(line);
                    Duration delay = lag.apply(record.topic());
                    if (delay.isZero() != lagging) {
                        nanos[0] += System.nanoTime() - t0;
                        return new Arrival(record, record.value().occurredAt().plus(delay));
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                onTime.close();
                behind.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void note(PlugmateEvent event, int index, Instant taken, Map<String, ReportLog> reports) {
        switch (event) {
            case VehicleStateObserved v -> reports.computeIfAbsent(v.vehicleId(), id -> new ReportLog()).add(index,
                    taken, v.observedAt(), Boolean.TRUE.equals(v.isPluggedIn()), Boolean.TRUE.equals(v.isCharging()));
            case ChargerStateObserved c -> reports.computeIfAbsent(c.chargerId(), id -> new ReportLog()).add(index,
                    taken, c.observedAt(), Boolean.TRUE.equals(c.isPluggedIn()), Boolean.TRUE.equals(c.isCharging()));
            default -> {
            }
        }
    }
}
