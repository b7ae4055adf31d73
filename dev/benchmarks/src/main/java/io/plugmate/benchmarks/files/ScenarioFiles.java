package io.plugmate.benchmarks.files;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.plugmate.events.EventJson;

/** The JSONL scenario files: one {@link ScenarioRecord} per line, in delivery order. */
public final class ScenarioFiles {

    private static final ObjectWriter WRITER = EventJson.mapper().writerFor(ScenarioRecord.class);
    private static final ObjectReader READER = EventJson.mapper().readerFor(ScenarioRecord.class);

    private ScenarioFiles() {
    }

    public static Path fileFor(Path dir, String scenario) {
        return dir.resolve(scenario + ".jsonl");
    }

    public static String toLine(ScenarioRecord record) {
        try {
            return WRITER.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScenarioRecord fromLine(String line) {
        try {
            return READER.readValue(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Writer writer(Path file) {
        try {
            return new Writer(Files.newBufferedWriter(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedReader reader(Path file) {
        try {
            return Files.newBufferedReader(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends records to one scenario file and counts them. */
    public static final class Writer implements Closeable {

        private final BufferedWriter out;
        private long written;

        private Writer(BufferedWriter out) {
            this.out = out;
        }

        public void write(ScenarioRecord record) {
            try {
                out.write(toLine(record));
                out.newLine();
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public long written() {
            return written;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
