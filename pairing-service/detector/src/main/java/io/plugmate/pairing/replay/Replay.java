package io.plugmate.pairing.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.plugmate.events.EventJson;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.PairEvent;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.Outcome;
import io.plugmate.pairing.domain.PairingEngine;
import io.plugmate.pairing.domain.Transition;

/**
 * The offline replay: runs the very detector pairing-service runs over a JSONL file of device-lifecycle,
 * vehicle-state and charger-state records, in file order, and prints the pair events it would publish, one JSON event
 * per line. No Kafka, no database. A line that cannot be used is reported on stderr with its number and skipped, as
 * the live consumer would send it to the DLQ.
 */
public final class Replay {

    private final PairingEngine engine = new PairingEngine(DetectorSettings.defaults());
    private final PrintStream out;
    private final PrintStream err;
    private final boolean explain;
    private long records;
    private long skipped;
    private long published;

    Replay(PrintStream out, PrintStream err, boolean explain) {
        this.out = out;
        this.err = err;
        this.explain = explain;
    }

    public static void main(String[] args) throws IOException {
        boolean explain = false;
        String file = null;
        for (String arg : args) {
            switch (arg) {
                case "--explain" -> explain = true;
                case "-h", "--help" -> {
                    System.out.println("usage: replay [--explain] [FILE|-]   (stdin when no FILE or -)");
                    return;
                }
                default -> file = arg;
            }
        }
        Replay replay = new Replay(System.out, System.err, explain);
        try (BufferedReader in = file == null || file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            replay.run(in);
        }
        System.exit(replay.skipped > 0 ? 1 : 0);
    }

    void run(BufferedReader in) throws IOException {
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            records++;
            try {
                accept(ReplayRecord.parse(line));
            } catch (InvalidEventException | IllegalArgumentException e) {
                skipped++;
                err.println("line " + number + " skipped: " + e.getMessage());
            }
        }
        out.flush();
        err.printf("replay: %d records, %d skipped, %d pair events%n", records, skipped, published);
    }

    private void accept(ReplayRecord record) {
        Outcome outcome = engine.acceptWithHistory(record.value());
        for (PairEvent event : outcome.events()) {
            out.println(EventJson.write(event));
            published++;
        }
        if (explain) {
            for (Transition t : outcome.transitions()) {
                err.printf("%s %s %s/%s %s -> %s: %s %s%n", t.at(), t.pairId(), t.vehicleId(), t.chargerId(),
                        t.from(), t.to(), t.reason(), t.evidence());
            }
        }
    }

    long skipped() {
        return skipped;
    }
}
