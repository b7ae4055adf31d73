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
 *
 * <p>
 * Like the live service, by default it vouches for nothing (ADR 0008): each topic's records wait until the others have
 * caught up, so a file of three topic dumps one after another gives the same pair events as one in delivery order;
 * at the end of the file whatever still waits is applied. {@code --as-produced} takes the file as the order the
 * platform produced the records in (each record vouches for everything before it), as a replay of an earlier
 * detector did.
 */
public final class Replay {

    private final PairingEngine engine;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean explain;
    private long records;
    private long skipped;
    private long published;

    Replay(PrintStream out, PrintStream err, boolean explain) {
        this(out, err, explain, PairingEngine.Feed.AS_CONSUMED);
    }

    Replay(PrintStream out, PrintStream err, boolean explain, PairingEngine.Feed feed) {
        this.engine = new PairingEngine(DetectorSettings.defaults(), feed);
        this.out = out;
        this.err = err;
        this.explain = explain;
    }

    public static void main(String[] args) throws IOException {
        boolean explain = false;
        PairingEngine.Feed feed = PairingEngine.Feed.AS_CONSUMED;
        String file = null;
        for (String arg : args) {
            switch (arg) {
                case "--explain" -> explain = true;
                case "--as-produced" -> feed = PairingEngine.Feed.AS_PRODUCED;
                case "-h", "--help" -> {
                    System.out.println("usage: replay [--explain] [--as-produced] [FILE|-]   (stdin when no FILE or -)");
                    return;
                }
                default -> file = arg;
            }
        }
        Replay replay = new Replay(System.out, System.err, explain, feed);
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
        for (PairingEngine.UserOutcome user : engine.finish()) {
            print(user.outcome());
        }
        out.flush();
        err.printf("replay: %d records, %d skipped, %d pair events%n", records, skipped, published);
    }

    private void accept(ReplayRecord record) {
        print(engine.acceptWithHistory(record.value()));
    }

    private void print(Outcome outcome) {
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
