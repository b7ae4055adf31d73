package io.plugmate.benchmarks.files;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.events.EventJson;

/**
 * A scenario's ground truth: the header line, then one plug interval per line (so {@code grep hh-0042} finds a
 * household's truth next to its records).
 */
public record GroundTruth(TruthHeader header, List<TruthInterval> intervals) {

    private static final ObjectMapper JSON = EventJson.mapper();

    public GroundTruth {
        intervals = List.copyOf(intervals);
    }

    public static Path fileFor(Path dir, String scenario) {
        return dir.resolve(scenario + ".truth.jsonl");
    }

    public void write(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(JSON.writeValueAsString(header));
            out.newLine();
            for (TruthInterval interval : intervals) {
                out.write(JSON.writeValueAsString(interval));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GroundTruth read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            TruthHeader header = JSON.readValue(in.readLine(), TruthHeader.class);
            List<TruthInterval> intervals = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    intervals.add(JSON.readValue(line, TruthInterval.class));
                }
            }
            return new GroundTruth(header, intervals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
