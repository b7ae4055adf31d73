package io.plugmate.benchmarks.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PlugmateEvent;
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
        PairingEngine engine = new PairingEngine(settings);
        List<PairChange> changes = new ArrayList<>();
        Map<String, ReportLog> reports = new HashMap<>();
        long parseNanos = 0;
        long detectNanos = 0;
        int index = 0;
        try (BufferedReader in = ScenarioFiles.reader(scenarioFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long t0 = System.nanoTime();
                ScenarioRecord record = ScenarioFiles.fromLine(line);
                long t1 = System.nanoTime();
                Outcome outcome = engine.acceptWithHistory(record.value());
                long t2 = System.nanoTime();
                parseNanos += t1 - t0;
                detectNanos += t2 - t1;
                note(record.value(), index, reports);
                for (Transition t : outcome.transitions()) {
                    if (t.from() != null) {
                        changes.add(new PairChange(index, record.value().occurredAt(), record.value().userId(), t));
                    }
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DetectorTrace(changes, reports, index, parseNanos, detectNanos);
    }

    private static void note(PlugmateEvent event, int index, Map<String, ReportLog> reports) {
        switch (event) {
            case VehicleStateObserved v -> reports.computeIfAbsent(v.vehicleId(), id -> new ReportLog()).add(index,
                    v.occurredAt(), v.observedAt(), Boolean.TRUE.equals(v.isPluggedIn()), Boolean.TRUE.equals(v.isCharging()));
            case ChargerStateObserved c -> reports.computeIfAbsent(c.chargerId(), id -> new ReportLog()).add(index,
                    c.occurredAt(), c.observedAt(), Boolean.TRUE.equals(c.isPluggedIn()), Boolean.TRUE.equals(c.isCharging()));
            default -> {
            }
        }
    }
}
